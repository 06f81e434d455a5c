package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A history read from a file, in the format detected from its name and first line (or the one the
 * caller names). Errors name the file and line as the user gave them.
 *
 * @param name the file as the user named it
 * @param format the format it was read in
 * @param ops its entries in the order they were recorded
 */
public record HistoryFile(String name, HistoryFormat format, List<Op> ops) {
  public HistoryFile {
    ops = List.copyOf(ops);
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
    List<Op> ops =
        switch (f) {
          case EDN, KV -> EdnReader.read(text, name);
          case ETCD -> EtcdLogReader.read(text, name);
          case JSONL -> JsonLinesReader.read(text, name);
        };
    return new HistoryFile(name, f, ops);
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
