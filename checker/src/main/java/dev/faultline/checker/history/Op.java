package dev.faultline.checker.history;

/**
 * One history entry: an invocation or a completion of an operation by a process.
 *
 * <p>Values are immutable and compared by value: {@code null}, {@link Long}, {@link String}, or a
 * {@link java.util.List} of those (a cas is {@code [expected new]}; a read of several keys a list).
 *
 * @param process the client process (Jepsen's {@code :process}); one pending operation at a time
 * @param type invoke, ok, fail or info
 * @param f the function, e.g. {@code read}, {@code write}, {@code cas}, {@code send}, {@code poll}
 * @param key the key for multi-key models, or {@code null}
 * @param value the argument on invoke, the result on completion; may be {@code null}
 * @param timeNanos when it happened (virtual or real), or {@code -1} when the source has no times
 * @param source where it came from, such as {@code etcd_002.log:14}, or {@code null}
 */
public record Op(
    long process, OpType type, String f, Object key, Object value, long timeNanos, String source) {

  public Op {
    if (type == null || f == null) {
      throw new IllegalArgumentException("an operation needs a type and a function");
    }
  }

  public static Op invoke(long process, String f, Object key, Object value, long timeNanos) {
    return new Op(process, OpType.INVOKE, f, key, value, timeNanos, null);
  }

  public static Op ok(long process, String f, Object key, Object value, long timeNanos) {
    return new Op(process, OpType.OK, f, key, value, timeNanos, null);
  }

  public static Op fail(long process, String f, Object key, Object value, long timeNanos) {
    return new Op(process, OpType.FAIL, f, key, value, timeNanos, null);
  }

  public static Op info(long process, String f, Object key, Object value, long timeNanos) {
    return new Op(process, OpType.INFO, f, key, value, timeNanos, null);
  }
}
