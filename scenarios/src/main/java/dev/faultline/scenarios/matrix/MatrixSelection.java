package dev.faultline.scenarios.matrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cells a matrix run takes: every cell, or those {@code --only} names by section ({@code
 * kafka}), group ({@code kafka/leader-crash}) or cell ({@code kafka/leader-crash/acks=1}); with a
 * cell always its group's baseline, which it is paired with.
 */
public final class MatrixSelection {
  private MatrixSelection() {}

  /**
   * The cells of {@code all} that {@code only} names (all when empty), in table order.
   *
   * @throws IllegalArgumentException naming the word that matches nothing
   */
  public static List<MatrixCell> select(List<MatrixCell> all, List<String> only) {
    if (only == null || only.isEmpty()) {
      return all;
    }
    Set<String> groups = new LinkedHashSet<>();
    Set<String> ids = new LinkedHashSet<>();
    for (String word : only) {
      String w = word.strip();
      boolean matched = false;
      for (MatrixCell c : all) {
        if (w.equals(c.section()) || w.equals(c.group()) || w.equals(c.id())) {
          matched = true;
          groups.add(c.group());
          ids.add(c.id());
        }
      }
      if (!matched) {
        throw new IllegalArgumentException(
            "--only names no section, group or cell of the matrix: '"
                + word
                + "' (sections: "
                + String.join(", ", sections(all))
                + "; 'faultline matrix --list' prints every group and cell)");
      }
    }
    List<MatrixCell> out = new ArrayList<>();
    Set<String> baselineDone = new TreeSet<>();
    for (MatrixCell c : all) {
      boolean baseline = baselineDone.add(c.group());
      if (ids.contains(c.id()) || (baseline && groups.contains(c.group()))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The sections of the table, in order. */
  public static List<String> sections(List<MatrixCell> all) {
    Set<String> s = new LinkedHashSet<>();
    all.forEach(c -> s.add(c.section()));
    return new ArrayList<>(s);
  }
}
