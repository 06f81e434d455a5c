package dev.faultline.models.producer;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The external system a pipeline writes its effects to (a database table), which applies each write
 * as it arrives and acknowledges it. {@code append}: every write adds a row, so a record processed
 * twice has two effects. {@code idempotent}: an upsert keyed by the input record's value, so a
 * second processing overwrites the first. It keeps its rows on disk: a crash loses nothing
 * acknowledged (it is not a fault target in {@code kafka-pipeline}).
 */
public final class EffectSink implements Node {
  /** One row: the input record and who wrote it. */
  public record Row(long value, int partition, long offset, String consumer, int generation) {}

  private final boolean idempotent;
  private final List<Row> appended = new ArrayList<>();
  private final Map<Long, Row> upserted = new TreeMap<>();

  public EffectSink(boolean idempotent) {
    this.idempotent = idempotent;
  }

  @Override
  public void start(NodeContext c) {
    c.setRole("sink");
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {}

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (message instanceof SinkMessage.Write w) {
      Row row = new Row(w.value(), w.partition(), w.offset(), w.consumer(), w.generation());
      if (idempotent) {
        upserted.put(w.value(), row);
      } else {
        appended.add(row);
      }
      c.send(from, new SinkMessage.Ack(w.requestId()));
    }
  }

  /** The rows per input value: what the check counts as effects. */
  public SortedMap<Long, List<Row>> effects() {
    SortedMap<Long, List<Row>> out = new TreeMap<>();
    List<Row> all = idempotent ? List.copyOf(upserted.values()) : appended;
    for (Row r : all) {
      out.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(r);
    }
    return out;
  }
}
