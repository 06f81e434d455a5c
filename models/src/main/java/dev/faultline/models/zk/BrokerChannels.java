package dev.faultline.models.zk;

import dev.faultline.sim.NodeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller's request queue to each broker (Kafka's ControllerChannelManager): requests go out
 * one at a time, in order, and the head is sent again until the broker acknowledges it, as a TCP
 * connection would deliver it. A broker that dies loses its queue; when it registers again it is
 * sent the full state of its partitions.
 */
final class BrokerChannels {
  /** The channels' resend check; constant text for the trace. */
  record Tick() {
    @Override
    public String toString() {
      return "controller-channel";
    }
  }

  private final NodeContext ctx;
  private final long resendMicros;
  private final List<ArrayDeque<ZkControllerMessage.LeaderAndIsr>> queues = new ArrayList<>();
  private final long[] sentMicros;
  private long nextSeq;

  BrokerChannels(NodeContext ctx, int brokers, long resendMicros) {
    this.ctx = ctx;
    this.resendMicros = resendMicros;
    for (int b = 0; b < brokers; b++) {
      queues.add(new ArrayDeque<>());
    }
    this.sentMicros = new long[brokers];
    this.nextSeq = ctx.random().nextLong() >>> 1;
  }

  long nextSeq() {
    return nextSeq++;
  }

  void start() {
    ctx.setTimer(resendMicros, new Tick());
  }

  void send(int broker, ZkControllerMessage.LeaderAndIsr m) {
    queues.get(broker).add(m);
    if (queues.get(broker).size() == 1) {
      transmit(broker);
    }
  }

  private void transmit(int broker) {
    sentMicros[broker] = ctx.nowMicros();
    ctx.send(broker, queues.get(broker).peek());
  }

  void onAck(int broker, long seq) {
    ZkControllerMessage.LeaderAndIsr head = queues.get(broker).peek();
    if (head != null && head.seq() == seq) {
      queues.get(broker).poll();
      if (!queues.get(broker).isEmpty()) {
        transmit(broker);
      }
    }
  }

  /** The broker died: what was queued for it is dropped. */
  void drop(int broker) {
    queues.get(broker).clear();
  }

  void onTick() {
    long now = ctx.nowMicros();
    for (int b = 0; b < queues.size(); b++) {
      if (!queues.get(b).isEmpty() && now - sentMicros[b] >= resendMicros) {
        transmit(b);
      }
    }
    ctx.setTimer(resendMicros, new Tick());
  }
}
