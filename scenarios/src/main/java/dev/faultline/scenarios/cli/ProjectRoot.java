package dev.faultline.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project checkout: the {@code faultline.root} system property (set by the launcher
 * script and by the build for tests), else the working directory or the nearest parent that holds
 * the reactor's pom.xml.
 */
public final class ProjectRoot {
  private ProjectRoot() {}

  public static Path find() {
    String prop = System.getProperty("faultline.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("sim"))) {
        return p;
      }
    }
    return dir;
  }

  /** The shared directory beside the checkout, which holds the golden histories. */
  public static Path shared() {
    return find().resolve("..").resolve("shared").normalize();
  }
}
