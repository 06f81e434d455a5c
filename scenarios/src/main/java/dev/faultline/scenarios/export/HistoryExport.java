package dev.faultline.scenarios.export;

import dev.faultline.checker.delivery.JepsenKafkaShape;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.format.HistoryHeader;
import dev.faultline.checker.format.HistoryWriter;
import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the history a run's clients saw to a file other checkers read: Jepsen EDN ({@code .edn})
 * or Faultline JSON lines ({@code .jsonl}); linearizability histories as operation maps with a
 * {@code key}, delivery histories in the shape of Jepsen's kafka workload. The file starts with a
 * header saying how the run judged it, so that {@code faultline check FILE} gives the run's
 * verdict. docs/histories.md describes the formats.
 */
public final class HistoryExport {
  private HistoryExport() {}

  /**
   * The format a file name asks for.
   *
   * @throws IllegalArgumentException with a sentence when the name ends in neither .edn nor .jsonl
   */
  public static HistoryFormat formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".edn")) {
      return HistoryFormat.EDN;
    }
    if (lower.endsWith(".jsonl")) {
      return HistoryFormat.JSONL;
    }
    throw new IllegalArgumentException(
        file + ": a history file ends in .edn (Jepsen EDN) or .jsonl (JSON lines)");
  }

  /** Writes {@code result}'s history, judged by {@code check}, to {@code file} (by its name). */
  public static void write(Path file, ScenarioResult result, HistoryCheck check)
      throws IOException {
    HistoryFormat format = formatOf(file);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      HistoryWriter.write(out, format, header(result, check), entries(result.history(), check));
    }
  }

  /** The header: how the run judged the history, then where it came from. */
  static HistoryHeader header(ScenarioResult result, HistoryCheck check) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("scenario", result.scenario());
    provenance.put("seed", result.seed());
    provenance.put("knobs", new LinkedHashMap<String, Object>(result.knobs().values()));
    provenance.put("verdict", verdictOf(result, check.check()));
    provenance.put("replay", result.replayCommand());
    if (check instanceof HistoryCheck.Linearizable l) {
      return new HistoryHeader("linearizable", l.model().name(), l.rules(), List.of(), provenance);
    }
    return new HistoryHeader(
        "delivery", null, null, ((HistoryCheck.Delivery) check).allow(), provenance);
  }

  /** The status of the run's verdict named {@code check}, or {@code -} when it gave none. */
  public static String verdictOf(ScenarioResult result, String check) {
    for (Verdict v : result.verdicts()) {
      if (v.check().equals(check)) {
        return v.status().name();
      }
    }
    return "-";
  }

  private static List<HistoryWriter.Entry> entries(List<Op> history, HistoryCheck check) {
    if (check instanceof HistoryCheck.Delivery d) {
      return JepsenKafkaShape.toJepsen(history, d.finalReadFromNanos());
    }
    List<HistoryWriter.Entry> out = new ArrayList<>(history.size());
    for (Op op : history) {
      out.add(new HistoryWriter.Entry(op));
    }
    return out;
  }
}
