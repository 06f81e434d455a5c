package dev.faultline.models.batch;

import dev.faultline.models.batch.BatchMessage.Write;
import dev.faultline.models.batch.BatchMessage.WriteAck;
import dev.faultline.sim.Disk;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink: a table partitioned by data interval, on disk. A write is applied and synced before it
 * is acknowledged, in one step (a crash falls before or after it, never inside). With {@link
 * WriteMode#OVERWRITE_PARTITION} a write replaces its interval's partition; with {@link
 * WriteMode#APPEND} its rows are added to what is there. It never deduplicates: a write that
 * arrives twice (a retry, a re-run, a zombie, the network) is applied twice.
 */
public final class SinkStore implements Node {
  private final BatchConfig config;

  public SinkStore(BatchConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.setRole("sink");
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {
    if (message instanceof Write w) {
      List<OutputRow> rows = new ArrayList<>();
      for (long row : w.rows()) {
        rows.add(new OutputRow(row, w.run(), w.attempt()));
      }
      String key = key(w.interval());
      if (config.write() == WriteMode.OVERWRITE_PARTITION) {
        ctx.disk().put(key, List.copyOf(rows));
      } else {
        for (OutputRow r : rows) {
          ctx.disk().append(key, r);
        }
      }
      ctx.disk().sync();
      ctx.send(from, new WriteAck(w.run(), w.attempt()));
    }
  }

  @Override
  public void onTimer(NodeContext ctx, Object tag) {}

  /** The rows of interval {@code interval}'s partition on {@code disk}, as the sink holds them. */
  public static List<OutputRow> partition(Disk disk, WriteMode mode, int interval) {
    if (mode == WriteMode.OVERWRITE_PARTITION) {
      List<OutputRow> rows = disk.get(key(interval));
      return rows == null ? List.of() : rows;
    }
    return disk.log(key(interval));
  }

  private static String key(int interval) {
    return "partition/" + interval;
  }
}
