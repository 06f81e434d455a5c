package dev.faultline.scenarios;

import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.Model;
import java.util.List;

/**
 * How a scenario judges the history its clients record: what an exported history file says about
 * itself, so that {@code faultline check} gives the file the verdict the run gave (see
 * docs/histories.md).
 */
public sealed interface HistoryCheck {
  /**
   * The name of the run's verdict that this check gives: {@code linearizable} or {@code delivery}.
   */
  String check();

  /**
   * Linearizability against {@code model}, key by key, with completions read under {@code rules}. A
   * model that {@code faultline check} does not know by name is found through the scenario that
   * declares it, so user models check like built-in ones.
   */
  record Linearizable(Model<?> model, Rules rules) implements HistoryCheck {
    @Override
    public String check() {
      return "linearizable";
    }
  }

  /**
   * Delivery checks on sends and polls (see docs/delivery.md). The consumer's final read, which
   * starts again from offset 0, begins with the first assign at or after {@code finalReadFromNanos}
   * (negative: the history has none); {@code allow} names the anomaly classes that do not fail the
   * run.
   */
  record Delivery(List<String> allow, long finalReadFromNanos) implements HistoryCheck {
    public Delivery {
      allow = List.copyOf(allow);
    }

    @Override
    public String check() {
      return "delivery";
    }
  }
}
