package dev.faultline.checker.linear;

import java.util.List;

/**
 * Why a history is not linearizable, as data a report can draw: the furthest the search got.
 *
 * @param key the key whose sub-history failed, or null when the history has no keys or was checked
 *     whole
 * @param prefix the longest order found that places operations legally, first to last
 * @param blocked the completed operation that cannot be placed after that prefix (the one that
 *     returned first among those left)
 * @param candidateStates the states the object could be in there, as the model describes them
 */
public record Counterexample(
    Object key, List<Operation> prefix, Operation blocked, List<String> candidateStates) {
  public Counterexample {
    prefix = List.copyOf(prefix);
    candidateStates = List.copyOf(candidateStates);
  }

  /** The counterexample in words, a few lines long. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    if (key != null) {
      sb.append("key ").append(Models.show(key)).append(": ");
    }
    sb.append("no order places ").append(blocked.describe()).append('\n');
    sb.append("  after the longest linearizable prefix (")
        .append(prefix.size())
        .append(" operations), the object could be ")
        .append(String.join(" or ", candidateStates))
        .append('\n');
    int from = Math.max(0, prefix.size() - 8);
    if (from > 0) {
      sb.append("  ... ").append(from).append(" earlier operations\n");
    }
    for (int i = from; i < prefix.size(); i++) {
      sb.append("  ").append(i + 1).append(". ").append(prefix.get(i).describe()).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
