package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
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
      throw new HistoryException(name + ": not a UTF-8 text file.");
    } catch (IOException e) {
      throw new HistoryException(name + ": cannot be read (" + e.getMessage() + ").");
    }
    return parse(text, name, format);
  }

  /** Reads a history from {@code text}; {@code name} is used in errors and op sources. */
  public static HistoryFile parse(String text, String name, HistoryFormat format) {
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
    Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
    try {
      Parseable p = Parsers.newParseable(text);
      Object v = parser.nextValue(p);
      if (v == Parser.END_OF_INPUT || parser.nextValue(p) != Parser.END_OF_INPUT) {
        throw new HistoryException(
            "'" + text + "' is not one EDN value such as 3, \"x\" or [1 2].");
      }
      return Values.fromEdn(v, null);
    } catch (EdnException e) {
      throw new HistoryException("'" + text + "' is not one EDN value such as 3, \"x\" or [1 2].");
    }
  }

  private static String firstLine(String text) {
    for (String line : text.split("\n", 50)) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }
}
