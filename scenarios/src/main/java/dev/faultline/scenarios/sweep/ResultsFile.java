package dev.faultline.scenarios.sweep;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A sweep's results: JSON lines, a {@link SweepHeader} first, then one {@link SeedOutcome} per
 * finished seed, in the order they finished. Each line is written and flushed as its seed finishes,
 * so a sweep that is killed loses nothing finished.
 *
 * <p>A line counts only once its newline is written: a last line without one (a sweep killed
 * mid-write) is torn, whatever it holds, and its seed runs again on resume. Every other line must
 * be whole: a field missing or null, a seed given twice with different trace hashes, is an error
 * naming the file and line, never a default.
 */
public final class ResultsFile implements Closeable {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
          .build();

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

  /**
   * Rewrites {@code file} cleanly with {@code header} and the outcomes already done (dropping a
   * torn last line and anything else not kept), then opens it to append more seeds. The new text
   * replaces the old in one move, so an interruption leaves one or the other.
   */
  public static ResultsFile resume(Path file, SweepHeader header, Collection<SeedOutcome> done)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".resuming");
    try (ResultsFile r = create(tmp, header)) {
      for (SeedOutcome o : done) {
        r.write(o);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
   * Reads a results file. Throws IOException with one sentence naming the file and line of anything
   * malformed; a torn last line (no newline) is left out.
   */
  public static Contents read(Path file) throws IOException {
    String text = utf8(file);
    int complete = text.lastIndexOf('\n') + 1; // what follows the last newline is torn
    String[] lines = text.substring(0, complete).split("\n", -1);
    if (complete == 0) {
      throw new IOException(
          file
              + " holds no complete line: it is not a sweep results file, or its sweep was"
              + " stopped before it wrote its header");
    }
    SweepHeader header = parse(lines[0], SweepHeader.class, file, 1, "a sweep header");
    SortedMap<Long, SeedOutcome> outcomes = new TreeMap<>();
    for (int i = 1; i < lines.length - 1; i++) {
      SeedOutcome o = parse(lines[i], SeedOutcome.class, file, i + 1, "a seed result");
      if (o.seed() < 0) {
        throw new IOException(
            file
                + " line "
                + (i + 1)
                + " is not a seed result: its seed "
                + o.seed()
                + " is negative");
      }
      SeedOutcome before = outcomes.putIfAbsent(o.seed(), o);
      if (before != null && !before.traceHash().equals(o.traceHash())) {
        throw new IOException(
            file
                + " line "
                + (i + 1)
                + " gives seed "
                + o.seed()
                + " a second trace hash ("
                + before.traceHash()
                + ", then "
                + o.traceHash()
                + ")");
      }
    }
    return new Contents(header, outcomes);
  }

  /** Whether {@code file} holds no complete line: a sweep stopped before its header was out. */
  public static boolean isUnstarted(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == '\n') {
        return false;
      }
    }
    return true;
  }

  private static <T> T parse(String line, Class<T> type, Path file, int lineNo, String what)
      throws IOException {
    try {
      return JSON.readValue(line, type);
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(
                  r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining())
              .replaceFirst("^\\.", "");
      String why =
          field.isEmpty()
              ? "it is not a JSON object of that shape"
              : "its field '" + field + "' is missing, null or not of the right kind";
      throw new IOException(file + " line " + lineNo + " is not " + what + ": " + why);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " line " + lineNo + " is not " + what + ": it is not JSON");
    }
  }

  private static String utf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8 text: it is not a sweep results file");
    }
  }
}
