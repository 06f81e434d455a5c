package dev.faultline.scenarios.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The history files named on the command line: files as given, directories expanded to the history
 * files below them (by extension, in name order).
 */
public final class HistoryInputs {
  private static final List<String> EXTENSIONS = List.of(".edn", ".jsonl", ".log", ".txt");

  private HistoryInputs() {}

  /**
   * Expands {@code args}; a missing path is returned as given, so that reading it reports it.
   *
   * @throws IllegalArgumentException when a directory holds no history files
   */
  public static List<Path> expand(List<Path> args) {
    List<Path> files = new ArrayList<>();
    for (Path arg : args) {
      if (!Files.isDirectory(arg)) {
        files.add(arg);
        continue;
      }
      List<Path> found;
      try (Stream<Path> walk = Files.walk(arg)) {
        found =
            walk.filter(Files::isRegularFile)
                .filter(HistoryInputs::looksLikeHistory)
                .sorted()
                .toList();
      } catch (IOException | UncheckedIOException e) {
        // A directory the walk cannot enter (permissions, a file that vanished) is the user's.
        IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        throw new IllegalArgumentException(
            arg
                + ": cannot read the directory ("
                + cause.getClass().getSimpleName()
                + " "
                + cause.getMessage()
                + ").");
      }
      if (found.isEmpty()) {
        throw new IllegalArgumentException(
            arg + ": the directory holds no history files (.edn, .jsonl, .log, .txt).");
      }
      files.addAll(found);
    }
    return files;
  }

  private static boolean looksLikeHistory(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !name.startsWith("readme")
        && EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
