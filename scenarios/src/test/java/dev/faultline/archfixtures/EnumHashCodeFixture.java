package dev.faultline.archfixtures;

/** Calls an enum's hashCode. */
public final class EnumHashCodeFixture {
  /** A role. */
  public enum Role {
    LEADER,
    FOLLOWER
  }

  int bucket(Role r) {
    return r.hashCode() % 8;
  }
}
