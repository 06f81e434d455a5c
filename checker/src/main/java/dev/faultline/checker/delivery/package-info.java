/**
 * Delivery checks for queue histories: Kafka-style sends to partitions and polls by consumers,
 * judged with the names Jepsen's kafka workload uses, and classified as exactly-once,
 * at-least-once, at-most-once or none. The entry point is {@link
 * dev.faultline.checker.delivery.DeliveryChecker#check}; docs/delivery.md has the full rules.
 *
 * <h2>The history shape</h2>
 *
 * A history is a list of {@link dev.faultline.checker.history.Op}; only the functions {@code send},
 * {@code poll}, {@code assign} and {@code subscribe} are read, everything else is ignored. Numbers
 * may be any integral type; they are compared as {@code long}.
 *
 * <ul>
 *   <li><b>send</b>, invoke: {@code key} = the partition (a number or a string such as {@code
 *       "orders-2"}), {@code value} = the record value, unique per send in the history. The
 *       invoking process is the <em>producer</em>; its sends in invocation order are the order it
 *       meant. A producer may have several sends in flight; completions are matched to invocations
 *       by value.
 *   <li>send, {@code ok}: {@code value} = {@code [offset value]}, or {@code [nil value]} or just
 *       {@code value} when the producer never learned the offset (acks=0). The record was written.
 *   <li>send, {@code fail}: certainly not written. {@code info}, or no completion: unknown; it may
 *       appear or not and is never counted lost. Their {@code value} is the record value (bare or
 *       in a pair); when the producer has one send in flight it may be anything else (nil, an error
 *       such as {@code timed-out}).
 *   <li><b>poll</b>, invoke then {@code ok}: {@code key} = the partition read, {@code value} = the
 *       {@code [offset value]} pairs returned, in delivery order. The process is the
 *       <em>consumer</em>, with one poll pending at a time. A poll of several partitions is
 *       recorded as one poll per partition. An {@code ok} poll returning no records asserts that
 *       the consumer stood at the end of the partition (see {@link
 *       dev.faultline.checker.delivery.EndOfLog#INFERRED}); a poll that merely timed out is {@code
 *       fail}. A {@code fail} poll changes nothing; an {@code info} poll means the consumer
 *       crashed.
 *   <li><b>assign</b> or <b>subscribe</b>, invoke then {@code ok} (or {@code info}): the consumer's
 *       partitions changed, so its next read of any partition may start anywhere (a rebalance
 *       restarts from the committed offset). An {@code info} poll does the same.
 * </ul>
 *
 * Malformed input (a completion with no invocation, a send without a partition, a polled record
 * that is not {@code [offset value]}, one value sent twice) throws {@link
 * dev.faultline.checker.history.HistoryException} naming the entry: its source, else its 1-based
 * position.
 */
package dev.faultline.checker.delivery;
