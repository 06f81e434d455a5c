package dev.faultline.scenarios.property;

import java.nio.file.Path;

/**
 * What checking a property found.
 *
 * @param description the property, in words
 * @param tries inputs tried (up to and including the first failure)
 * @param original the first failing case, or null when every try held
 * @param originalFailure why it failed, in one line
 * @param shrunk the smallest failing case found from it, or null
 * @param shrunkFailure why the shrunk case fails
 * @param shrinkRuns scenario runs the shrinking took
 * @param saved where the shrunk case was saved, or null
 */
public record PropertyResult(
    String description,
    int tries,
    Case original,
    String originalFailure,
    Case shrunk,
    String shrunkFailure,
    int shrinkRuns,
    Path saved) {

  /**
   * {@code file} as the project root sees it, so that a replay command works from the checkout
   * (tests run in a module's directory; the launcher runs from the root).
   */
  static String fromProjectRoot(Path file) {
    Path root = dev.faultline.scenarios.cli.ProjectRoot.find();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
  }

  public boolean held() {
    return original == null;
  }

  /** A report a person can act on: both cases as the one command that replays each. */
  public String report() {
    if (held()) {
      return "property held for " + tries + " tries: " + description;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("property failed after ").append(tries).append(" tries: ").append(description);
    sb.append("\n  original: seed ").append(original.seed()).append(", ");
    sb.append(original.schedule().size()).append(" faults, knobs ").append(original.knobs());
    sb.append("\n    why: ").append(originalFailure);
    sb.append("\n    replay: ").append(original.runCommand());
    sb.append("\n  shrunk (").append(shrinkRuns).append(" runs): ");
    sb.append(shrunk.schedule().size()).append(" faults, knobs ").append(shrunk.knobs());
    sb.append("\n    why: ").append(shrunkFailure);
    if (saved != null) {
      sb.append("\n    replay: ./faultline replay ").append(fromProjectRoot(saved));
    }
    sb.append("\n    schedule:\n");
    for (String line : shrunk.schedule().print().split("\n")) {
      if (!line.isEmpty()) {
        sb.append("      ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
