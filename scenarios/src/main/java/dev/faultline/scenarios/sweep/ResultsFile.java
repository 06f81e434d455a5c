package dev.faultline.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sweep's results: JSON lines, a {@link SweepHeader} first, then one {@link SeedOutcome} per
 * finished seed, in the order they finished. Each line is written and flushed as its seed finishes,
 * so a sweep that is killed loses nothing finished; a torn last line (killed mid-write) is dropped
 * when the file is read back.
 */
public final class ResultsFile implements Closeable {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final BufferedWriter out;

  private ResultsFile(BufferedWriter out) {
    this.out = out;
  }

  /** What a results file holds. */
  public record Contents(SweepHeader header, SortedMap<Long, SeedOutcome> outcomes) {}

  /** Starts a new file (replacing any) with {@code header}. */
  public static ResultsFile create(Path file, SweepHeader header) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ResultsFile r =
        new ResultsFile(
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE));
    r.writeLine(JSON.writeValueAsString(header));
    return r;
  }

  /** Opens an existing file to append more seeds; first cuts a torn last line, if any. */
  public static ResultsFile append(Path file) throws IOException {
    cutTornTail(file);
    return new ResultsFile(
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
  }

  public synchronized void write(SeedOutcome outcome) throws IOException {
    writeLine(JSON.writeValueAsString(outcome));
  }

  private void writeLine(String line) throws IOException {
    out.write(line);
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Reads a results file. Throws IOException with a sentence naming the file and line of anything
   * malformed, except a torn last line, which is ignored.
   */
  public static Contents read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + " is empty: it is not a sweep results file");
    }
    SweepHeader header;
    try {
      header = JSON.readValue(lines.get(0), SweepHeader.class);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " line 1 is not a sweep header: " + e.getOriginalMessage());
    }
    SortedMap<Long, SeedOutcome> outcomes = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      try {
        SeedOutcome o = JSON.readValue(lines.get(i), SeedOutcome.class);
        outcomes.put(o.seed(), o);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break; // a sweep killed mid-write leaves a torn last line: that seed simply runs again
        }
        throw new IOException(
            file + " line " + (i + 1) + " is not a seed result: " + e.getOriginalMessage());
      }
    }
    return new Contents(header, outcomes);
  }

  private static void cutTornTail(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }
}
