package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new HistoryException(name + ": no such file.");
    } catch (CharacterCodingException e) {
      throw HistoryException.at(
          name + ":" + firstBadUtf8Line(path), "not UTF-8 text (a byte sequence UTF-8 forbids).");
    } catch (IOException e) {
      throw new HistoryException(name + ": cannot be read (" + e.getMessage() + ").");
    }
    return parse(text, name, format);
  }

  /** Reads a history from {@code text}; {@code name} is used in errors and op sources. */
  public static HistoryFile parse(String text, String name, HistoryFormat format) {
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
          case EDN, KV -> EdnReader.read(text, name);
          case ETCD -> new Parsed(EtcdLogReader.read(text, name), new TreeMap<>(), null);
          case JSONL -> JsonLinesReader.read(text, name);
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
