package dev.faultline.scenarios;

import java.util.regex.Pattern;

/**
 * How printed commands name the {@code faultline} launcher, so that a replay line runs when pasted
 * into a shell in any directory: the launcher script passes its own absolute path (the {@code
 * faultline.launcher} property, computed when it runs); without it, as in tests and when the jar is
 * run by hand, commands say {@code ./faultline}, which runs from the checkout.
 */
public final class Launcher {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%^-]+");

  private Launcher() {}

  /** The launcher as a shell word: its absolute path when known, else {@code ./faultline}. */
  public static String command() {
    String path = System.getProperty("faultline.launcher");
    return path == null || path.isBlank() ? "./faultline" : quote(path);
  }

  /** {@code word} as the shell reads it back: unchanged when plain, else in single quotes. */
  public static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
