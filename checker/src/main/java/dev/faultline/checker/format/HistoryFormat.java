package dev.faultline.checker.format;

import dev.faultline.checker.history.Rules;
import java.util.Locale;

/** The history file formats {@code faultline check} reads, with the conventions each implies. */
public enum HistoryFormat {
  /** Jepsen's EDN history: a vector of operation maps, or one map per line. */
  EDN("edn", Rules.JEPSEN, null),
  /** Porcupine's etcd test logs: {@code INFO jepsen.util - 0 :invoke :read nil}. */
  ETCD("etcd", Rules.PORCUPINE, "cas-register"),
  /** Porcupine's kv test files: one EDN map per line, each with a {@code :key}. */
  KV("kv", Rules.PORCUPINE, "kv"),
  /** Faultline's own format: one JSON object per line. */
  JSONL("jsonl", Rules.JEPSEN, null);

  private final String cliName;
  private final Rules rules;
  private final String defaultModel;

  HistoryFormat(String cliName, Rules rules, String defaultModel) {
    this.cliName = cliName;
    this.rules = rules;
    this.defaultModel = defaultModel;
  }

  /** The name used by {@code --format}. */
  public String cliName() {
    return cliName;
  }

  /** The conventions under which histories in this format are judged. */
  public Rules rules() {
    return rules;
  }

  /** The model a file in this format is checked against when none is named, or null. */
  public String defaultModel() {
    return defaultModel;
  }

  /** The format named {@code name} on the command line, or null when there is none. */
  public static HistoryFormat byName(String name) {
    for (HistoryFormat f : values()) {
      if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /**
   * Guesses the format from the file name and its first non-blank line, or returns null when
   * neither tells. A name ending in {@code .edn} or {@code .jsonl} decides alone: a Jepsen EDN
   * history whose operations carry {@code :key} is still Jepsen's, judged by Jepsen's rules (only
   * {@code --format kv} makes it Porcupine's).
   */
  public static HistoryFormat detect(String fileName, String firstLine) {
    if (fileName.endsWith(".edn")) {
      return EDN;
    }
    if (fileName.endsWith(".jsonl")) {
      return JSONL;
    }
    String line = firstLine == null ? "" : firstLine.strip();
    if (line.contains("jepsen.util")) {
      return ETCD;
    }
    if (line.startsWith(";")) {
      return EDN; // a comment: only EDN has them (Faultline's header is one)
    }
    if (line.startsWith("{\"")) {
      return JSONL;
    }
    if (line.startsWith("{") || line.startsWith("[") || line.startsWith("#")) {
      return line.contains(":key ") || line.contains(":key,") ? KV : EDN;
    }
    return null;
  }
}
