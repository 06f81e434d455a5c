package dev.faultline.scenarios.property;

import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.fault.FaultSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Saves and reads a {@link Case} as text that a person can read and edit:
 *
 * <pre>
 * # why it was saved
 * scenario raft-kv
 * seed 17
 * expect FAIL
 * set bug=commit-previous-epoch
 * schedule
 * 1.200000s crash n1
 * </pre>
 */
public final class CaseFile {
  private CaseFile() {}

  public static String print(Case c, String comment) {
    StringBuilder sb = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      sb.append("# ").append(line).append('\n');
    }
    sb.append("scenario ").append(c.scenario()).append('\n');
    sb.append("seed ").append(c.seed()).append('\n');
    sb.append("expect ").append(c.expect()).append('\n');
    for (Map.Entry<String, String> e : c.knobs().entrySet()) {
      sb.append("set ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    sb.append("schedule\n").append(c.schedule().print());
    return sb.toString();
  }

  public static void write(Path file, Case c, String comment) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, print(c, comment), StandardCharsets.UTF_8);
  }

  /** Reads a case; throws IllegalArgumentException naming the file and line of a mistake. */
  public static Case read(Path file) throws IOException {
    String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
    String scenario = null;
    Long seed = null;
    Verdict.Status expect = Verdict.Status.FAIL;
    SortedMap<String, String> knobs = new TreeMap<>();
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals("schedule")) {
        i++;
        break;
      }
      String[] w = line.split("\\s+", 2);
      try {
        switch (w[0]) {
          case "scenario" -> scenario = w[1].strip();
          case "seed" -> seed = Long.parseLong(w[1].strip());
          case "expect" -> expect = Verdict.Status.valueOf(w[1].strip().toUpperCase(Locale.ROOT));
          case "set" -> {
            String[] kv = w[1].split("=", 2);
            knobs.put(kv[0].strip(), kv[1].strip());
          }
          default -> throw new IllegalArgumentException("unknown line");
        }
      } catch (RuntimeException e) {
        String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + " ('" + shown + "') is not part of a case");
      }
    }
    if (scenario == null || seed == null) {
      throw new IllegalArgumentException(file + " names no scenario or no seed");
    }
    if (seed < 0) {
      throw new IllegalArgumentException(
          file + ": seed " + seed + " is negative; seeds are from 0 to 9223372036854775807");
    }
    StringBuilder schedule = new StringBuilder();
    int scheduleStart = i;
    for (; i < lines.length; i++) {
      schedule.append(lines[i]).append('\n');
    }
    try {
      return new Case(scenario, seed, knobs, FaultSchedule.parse(schedule.toString()), expect);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + " (schedule from line " + (scheduleStart + 1) + "): " + e.getMessage());
    }
  }
}
