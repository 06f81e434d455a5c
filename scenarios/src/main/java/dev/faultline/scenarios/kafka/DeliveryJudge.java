package dev.faultline.scenarios.kafka;

import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The judgement {@code kafka-produce} passes on its history, for any delivery history: the delivery
 * checker on the whole history and on the sends plus the consumer's final read, the anomaly classes
 * (lost, inconsistent, duplicate, reorder, other:KIND) found, and a verdict that fails on any class
 * not allowed. {@code faultline check} uses it, so that a history the scenario exported is judged
 * as the run judged it.
 */
public final class DeliveryJudge {
  /** The anomaly classes a run may allow. */
  public static final List<String> CLASSES = KafkaKnobs.ANOMALY_CLASSES;

  /**
   * What the judge found.
   *
   * @param verdict pass, or fail naming the classes not allowed; its details list every anomaly
   * @param finalLog the report on the log as it finally stands (the whole history when there is no
   *     final read)
   * @param classes every anomaly class found, allowed or not
   */
  public record Result(Verdict verdict, DeliveryReport finalLog, Set<String> classes) {}

  private DeliveryJudge() {}

  /**
   * Judges {@code ops} (one send or poll per partition) whose final read starts at index {@code
   * finalReadIndex} with an assign by the consumer (-1: no final read, the whole history is the
   * log).
   *
   * @throws HistoryException naming the entry, when the history is malformed
   */
  public static Result judge(List<Op> ops, int finalReadIndex, Set<String> allowed) {
    long consumer = finalReadIndex < 0 ? -1 : ops.get(finalReadIndex).process();
    KafkaVerdicts.Judgement j = KafkaVerdicts.judge(ops, consumer, finalReadIndex);
    return new Result(KafkaVerdicts.delivery(j, allowed), j.finalLog(), j.classes());
  }
}
