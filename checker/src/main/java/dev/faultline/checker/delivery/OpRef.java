package dev.faultline.checker.delivery;

/**
 * One operation of the history as an anomaly names it: who did it, and where its invocation and
 * completion sit in the list given to {@link DeliveryChecker#check}.
 *
 * @param process the process that ran it: the producer of a send, the consumer of a poll
 * @param f the function, {@code send} or {@code poll}
 * @param invokeIndex the index of the invocation in the history
 * @param completionIndex the index of the completion, or {@code -1} when it never completed
 * @param source where the completion (or, lacking one, the invocation) was read from, or {@code
 *     null}
 */
public record OpRef(long process, String f, int invokeIndex, int completionIndex, String source) {

  /** Whether the operation completed (ok, fail or info) before the history ended. */
  public boolean completed() {
    return completionIndex >= 0;
  }

  /** A short label such as {@code send p3 #12-#15 (run.jsonl:15)}. */
  @Override
  public String toString() {
    String span = "#" + invokeIndex + (completed() ? "-#" + completionIndex : "-(pending)");
    String where = source == null ? "" : " (" + source + ")";
    return f + " p" + process + " " + span + where;
  }
}
