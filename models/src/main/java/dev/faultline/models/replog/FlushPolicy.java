package dev.faultline.models.replog;

/**
 * When a broker fsyncs its logs. Writes go to the page cache (the disk's unsynced writes), which a
 * crash of the machine loses; they become durable by an fsync, which Kafka issues after {@code
 * flush.messages} appends or once {@code flush.ms} have passed, and which the operating system
 * issues by itself every writeback interval. Kafka's defaults never fsync explicitly and rely on
 * replication instead (both settings are Long.MAX_VALUE).
 *
 * <p>The simulated disk syncs all of a node's writes at once, so an fsync of one log also makes the
 * node's other pending writes durable: durability is, if anything, overstated.
 *
 * @param flushMessages fsync once this many records were appended since the last fsync (0: never)
 * @param flushMicros fsync a log whose oldest unsynced record is this old (0: never)
 * @param writebackMicros the operating system writes every dirty page back this often (0: never)
 */
public record FlushPolicy(long flushMessages, long flushMicros, long writebackMicros) {
  public FlushPolicy {
    if (flushMessages < 0 || flushMicros < 0 || writebackMicros < 0) {
      throw new IllegalArgumentException("flush settings must not be negative");
    }
  }

  /** fsync after every append: what the model did before flush policies (and flush.messages=1). */
  public static FlushPolicy everyAppend() {
    return new FlushPolicy(1, 0, 0);
  }

  /** Whether every append is synced before it is acknowledged. */
  public boolean syncsEveryAppend() {
    return flushMessages == 1;
  }
}
