package dev.faultline.archfixtures;

/** Draws from an unseeded random number generator. */
public final class UnseededRandomFixture {
  int draw() {
    return new java.util.Random().nextInt();
  }
}
