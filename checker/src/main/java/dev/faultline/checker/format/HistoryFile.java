package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import us.bpsm.edn.parser.Parsers;

/**
 * A history read from a file, in the format detected from its name and first line (or the one the
 * caller names). Errors name the file and line as the user gave them.
 *
 * @param name the file as the user named it
 * @param format the format it was read in
 * @param ops its entries in the order they were recorded
 * @param extras fields of an operation that {@link Op} has no place for (Jepsen's {@code
 *     :seek-to-beginning?}, {@code :error}, Faultline's {@code :producer}), by the operation's
 *     index in {@code ops}; only operations that have some appear
 * @param header what a file Faultline wrote says about how to judge it, or null
 */
public record HistoryFile(
    String name,
    HistoryFormat format,
    List<Op> ops,
    SortedMap<Integer, Map<String, Object>> extras,
    HistoryHeader header) {
  public HistoryFile {
    ops = List.copyOf(ops);
    extras = Collections.unmodifiableSortedMap(new TreeMap<>(extras));
  }

  /** A history with no extra fields and no header. */
  public HistoryFile(String name, HistoryFormat format, List<Op> ops) {
    this(name, format, ops, new TreeMap<>(), null);
  }

  /** The extra fields of the operation at {@code index} (empty when it has none). */
  public Map<String, Object> extras(int index) {
    return extras.getOrDefault(index, Map.of());
  }

  /**
   * Reads {@code path}.
   *
   * @param format the format to read it in, or null to detect it
   * @throws HistoryException when the file cannot be read or is malformed
   */
  public static HistoryFile read(Path path, HistoryFormat format) {
    return read(path, format, ReadDeadline.NONE);
  }

  /**
   * Reads {@code path}, giving up when {@code deadlineNanos} (on {@link System#nanoTime()}'s scale)
   * passes first: the bytes are read in chunks and the entries parsed with the clock checked every
   * few hundred, so that reading never runs long past a check's time limit.
   *
   * @param format the format to read it in, or null to detect it
   * @throws HistoryException when the file cannot be read or is malformed
   * @throws ReadTimedOut when the deadline passes before the file is read
   */
  public static HistoryFile read(Path path, HistoryFormat format, long deadlineNanos) {
    return read(path, format, ReadDeadline.at(deadlineNanos));
  }

  private static HistoryFile read(Path path, HistoryFormat format, ReadDeadline deadline) {
    String name = path.toString();
    String text;
    try {
      text = deadline == ReadDeadline.NONE ? Files.readString(path) : readText(path, deadline);
    } catch (NoSuchFileException e) {
      throw new HistoryException(name + ": no such file.");
    } catch (CharacterCodingException e) {
      throw HistoryException.at(
          name + ":" + firstBadUtf8Line(path), "not UTF-8 text (a byte sequence UTF-8 forbids).");
    } catch (IOException e) {
      throw new HistoryException(name + ": cannot be read (" + e.getMessage() + ").");
    }
    return parse(text, name, format, deadline);
  }

  /** Reads a history from {@code text}; {@code name} is used in errors and op sources. */
  public static HistoryFile parse(String text, String name, HistoryFormat format) {
    return parse(text, name, format, ReadDeadline.NONE);
  }

  /**
   * As {@link #parse(String, String, HistoryFormat)}, giving up when {@code deadlineNanos} passes.
   *
   * @throws ReadTimedOut when the deadline passes before the text is parsed
   */
  public static HistoryFile parse(
      String text, String name, HistoryFormat format, long deadlineNanos) {
    return parse(text, name, format, ReadDeadline.at(deadlineNanos));
  }

  private static HistoryFile parse(
      String text, String name, HistoryFormat format, ReadDeadline deadline) {
    deadline.checkNow(name);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw HistoryException.at(
          name + ":" + lineOf(text, nul), "a NUL byte: the file is binary or corrupted.");
    }
    HistoryFormat f = format != null ? format : HistoryFormat.detect(name, firstLine(text));
    if (f == null) {
      if (text.isBlank()) {
        return new HistoryFile(name, HistoryFormat.EDN, List.of());
      }
      throw new HistoryException(
          name
              + ": the format cannot be told from the name or the first line; give --format"
              + " edn, etcd, kv or jsonl.");
    }
    Parsed p =
        switch (f) {
          case EDN, KV -> EdnReader.read(text, name, deadline);
          case ETCD -> new Parsed(EtcdLogReader.read(text, name, deadline), new TreeMap<>(), null);
          case JSONL -> JsonLinesReader.read(text, name, deadline);
        };
    return new HistoryFile(name, f, p.ops(), p.extras(), p.header());
  }

  /**
   * Parses one EDN value as given on the command line ({@code 3}, {@code "x"}, {@code [1 2]},
   * {@code nil}).
   *
   * @throws HistoryException when the text is not one EDN value
   */
  public static Object parseValue(String text) {
    String expected = "'" + text + "' is not one EDN value such as 3, \"x\" or [1 2].";
    try {
      return EdnText.oneValue(
          Parsers.newParser(Parsers.defaultConfiguration()), text, null, expected);
    } catch (HistoryException e) {
      throw e.getMessage().equals(expected)
          ? e
          : new HistoryException("'" + text + "': " + e.getMessage());
    }
  }

  /** The most bytes a history file may have: the largest array a JVM allocates. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

  /**
   * The file's text, read in chunks with the clock checked between them. Plain ASCII (nearly every
   * history) becomes a string directly; other text is decoded strictly, as {@link Files#readString}
   * does, so that bytes UTF-8 forbids are refused rather than replaced.
   */
  private static String readText(Path path, ReadDeadline deadline) throws IOException {
    String name = path.toString();
    deadline.checkNow(name);
    // Sized from the file's length, so a regular file is read without a copy; growth (a file that
    // grew meanwhile, or a pipe) doubles.
    byte[] bytes = new byte[(int) Math.min(MAX_BYTES, Math.max(1 << 16, Files.size(path) + 1))];
    int n = 0;
    boolean ascii = true;
    try (InputStream in = Files.newInputStream(path)) {
      while (true) {
        deadline.checkNow(name);
        if (n == bytes.length) {
          if (n >= MAX_BYTES) {
            throw new OutOfMemoryError(name + " is larger than the largest array");
          }
          bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, 2L * n));
        }
        int read = in.read(bytes, n, Math.min(bytes.length - n, 1 << 22));
        if (read < 0) {
          break;
        }
        for (int i = n; i < n + read && ascii; i++) {
          ascii = bytes[i] >= 0;
        }
        n += read;
      }
    }
    if (ascii) {
      return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, 0, n))
        .toString();
  }

  private static String firstLine(String text) {
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, Math.min(end, start + 4096));
      if (!line.isBlank()) {
        return line;
      }
      start = end + 1;
    }
    return "";
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    return line;
  }

  /** The line of the first byte that is not UTF-8, for the error message. */
  private static int firstBadUtf8Line(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      CharsetDecoder d =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(8192);
      while (d.decode(in, out, true).isOverflow()) {
        out.clear();
      }
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return line;
    } catch (IOException e) {
      return 1;
    }
  }
}
