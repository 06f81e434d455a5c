package dev.faultline.scenarios.compare;

import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One configuration of a comparison: the varied knobs' values (in the order the user varied them)
 * and the resolved knobs.
 */
public record Configuration(SortedMap<String, String> varied, List<String> order, Knobs knobs) {
  /** The label a table prints, e.g. {@code acks=all min.insync.replicas=2}. */
  public String label() {
    List<String> parts = new ArrayList<>();
    for (String k : order) {
      parts.add(k + "=" + varied.get(k));
    }
    return String.join(" ", parts);
  }

  /**
   * Every combination of the varied values, the first varied knob changing slowest: a {@code
   * --vary} list like {@code [acks=0,1,all]} becomes three configurations.
   */
  public static List<Map<String, String>> product(Map<String, List<String>> vary) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> e : vary.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }
}
