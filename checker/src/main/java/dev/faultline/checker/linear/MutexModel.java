package dev.faultline.checker.linear;

import java.util.List;

/** A lock: {@code acquire} succeeds only when it is free, {@code release} only when it is held. */
final class MutexModel implements Model<Boolean> {
  private final boolean initiallyHeld;

  MutexModel(Object initial) {
    this.initiallyHeld = Boolean.TRUE.equals(initial);
  }

  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Boolean init() {
    return initiallyHeld;
  }

  @Override
  public List<String> functions() {
    return List.of("acquire", "release");
  }

  @Override
  public boolean isRead(String f) {
    return false;
  }

  @Override
  public Boolean step(Boolean held, Operation op) {
    boolean acquire = op.f().equals("acquire");
    return acquire == held ? null : acquire;
  }

  @Override
  public String describe(Boolean held) {
    return held ? "held" : "free";
  }
}
