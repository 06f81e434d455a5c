package dev.faultline.models.batch;

import dev.faultline.models.batch.BatchMessage.Input;
import dev.faultline.models.batch.BatchMessage.ReadInput;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The source store the upstream system fills: each interval's rows arrive over the interval (the
 * last one late when {@code lateMicros} is set), and once an interval's last row is in, its
 * completion marker is written (the {@code _SUCCESS} file a sensor waits for). The rows are a pure
 * function of the configuration and of the store's clock, so a crash loses nothing: the store
 * stands for durable storage written by someone else.
 */
public final class SourceStore implements Node {
  private final BatchConfig config;

  public SourceStore(BatchConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.setRole("source");
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {
    if (message instanceof ReadInput r) {
      long now = ctx.nowMicros();
      List<Long> rows = new ArrayList<>();
      boolean complete = true;
      int first = Math.max(1, (int) (r.fromMicros() / config.intervalMicros()) + 1);
      int last =
          Math.min(config.intervals(), (int) ((r.toMicros() - 1) / config.intervalMicros()) + 1);
      for (int i = first; i <= last; i++) {
        for (int j = 0; j < config.rowsPerInterval(); j++) {
          long row = BatchConfig.rowId(i, j);
          long event = config.eventMicros(row);
          if (event < r.fromMicros() || event >= r.toMicros()) {
            continue;
          }
          if (config.arrivalMicros(row) <= now) {
            rows.add(row);
          } else {
            complete = false;
          }
        }
      }
      ctx.send(from, new Input(r.run(), r.attempt(), r.seq(), rows, complete));
    }
  }

  @Override
  public void onTimer(NodeContext ctx, Object tag) {}
}
