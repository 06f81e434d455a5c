package dev.faultline.scenarios;

/**
 * The catalog could not be assembled from the class path: a user's jar that does not exist, a
 * scenario class that cannot be loaded, two scenarios of one name. The command line prints its
 * message as one sentence and exits 2.
 */
public final class ScenarioLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioLoadException(String message) {
    super(message, null, false, false);
  }
}
