package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Rules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a history file written by Faultline says about itself: how the run judged the history, so
 * that {@code faultline check} judges the file the same way, and where it came from. Other tools
 * never see it as an operation: in EDN it is a comment line, in JSON lines an entry whose process
 * is not an integer.
 *
 * @param check {@code linearizable} or {@code delivery}: which checker judged the history
 * @param model the linearizability model's name ({@code cas-register}), or null for delivery
 * @param rules the rules the run read completions under, or null for the format's own
 * @param allow delivery anomaly classes the run tolerated (empty: none)
 * @param provenance scenario, seed, knobs, the run's verdict and the command that replays it, in
 *     that order; informational
 */
public record HistoryHeader(
    String check, String model, Rules rules, List<String> allow, Map<String, Object> provenance) {

  /** The first word of the EDN comment line that holds a header. */
  public static final String EDN_MARK = "faultline-history";

  /** The process of the JSON-lines entry that holds a header. */
  public static final String JSON_PROCESS = "faultline";

  public HistoryHeader {
    if (!check.equals("linearizable") && !check.equals("delivery")) {
      throw new IllegalArgumentException("check is linearizable or delivery, not " + check);
    }
    allow = List.copyOf(allow);
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** Whether the history is a delivery (send/poll) history. */
  public boolean delivery() {
    return check.equals("delivery");
  }

  /** The header as one map of simple values: what the writers print. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("check", check);
    if (model != null) {
      m.put("model", model);
    }
    if (rules != null) {
      m.put("rules", rules.name().toLowerCase(Locale.ROOT));
    }
    if (!allow.isEmpty()) {
      m.put("allow", allow);
    }
    m.putAll(provenance);
    return m;
  }

  /** Reads a header from the map the readers parsed; {@code where} names it in errors. */
  static HistoryHeader fromMap(Map<?, ?> m, String where) {
    Object check = m.get("check");
    if (!"linearizable".equals(check) && !"delivery".equals(check)) {
      throw HistoryException.at(
          where,
          "the faultline header's check must be linearizable or delivery, not " + check + ".");
    }
    Object model = m.get("model");
    if (model != null && !(model instanceof String)) {
      throw HistoryException.at(where, "the faultline header's model must be a string.");
    }
    Rules rules = null;
    Object r = m.get("rules");
    if (r != null) {
      try {
        rules = Rules.valueOf(String.valueOf(r).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HistoryException.at(
            where, "the faultline header's rules must be jepsen or porcupine, not " + r + ".");
      }
    }
    List<String> allow = new ArrayList<>();
    if (m.get("allow") instanceof List<?> l) {
      l.forEach(a -> allow.add(String.valueOf(a)));
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (!List.of("check", "model", "rules", "allow").contains(k)) {
        provenance.put(k, e.getValue());
      }
    }
    return new HistoryHeader((String) check, (String) model, rules, allow, provenance);
  }
}
