package dev.faultline.models.producer;

/** A pipeline consumer writing one processing's effect to the sink, and the sink's answer. */
public sealed interface SinkMessage extends dev.faultline.sim.Message {
  /**
   * The effect of processing the input record {@code value} (read at {@code offset} of {@code
   * partition}) by {@code consumer} in {@code generation}.
   */
  record Write(
      long requestId, long value, int partition, long offset, String consumer, int generation)
      implements SinkMessage {}

  record Ack(long requestId) implements SinkMessage {}
}
