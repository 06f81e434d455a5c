package dev.faultline.archfixtures;

/** Makes a thread. */
public final class ThreadFixture {
  Thread spawn(Runnable r) {
    return new Thread(r);
  }
}
