package dev.faultline.archfixtures;

import dev.faultline.sim.Message;

/** Calls hashCode on a message. */
public final class MessageHashCodeFixture {
  /** A message. */
  public record Ping(long n) implements Message {}

  int bucket(Ping p) {
    return p.hashCode() % 8;
  }
}
