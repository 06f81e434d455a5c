package dev.faultline.scenarios.compose;

import dev.faultline.scenarios.Verdict;
import java.util.List;
import java.util.SortedMap;

/**
 * A check of a finished run, as Jepsen's checker: it reads the outcome and gives verdicts, and may
 * add named figures to the run's metrics.
 */
@FunctionalInterface
public interface Checker {
  List<Verdict> check(Outcome outcome, SortedMap<String, Double> metrics);
}
