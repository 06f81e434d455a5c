package dev.faultline.examples.pb;

import dev.faultline.examples.pb.PbMessage.Ack;
import dev.faultline.examples.pb.PbMessage.Replicate;
import dev.faultline.examples.pb.PbMessage.Reply;
import dev.faultline.examples.pb.PbMessage.Request;
import dev.faultline.examples.pb.PbMessage.StateReply;
import dev.faultline.examples.pb.PbMessage.StateRequest;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The primary: it serves every read and write, one at a time. A write takes effect only once every
 * backup holds the state after it (synchronous replication); then the client hears back. The
 * primary keeps nothing on disk: after a restart it asks every backup what it holds, takes the
 * newest state, starts a new epoch by pushing that state to every backup, and only then serves.
 *
 * <p>With {@code asyncReplication} (the bug flag) a write is acknowledged at once and the state is
 * pushed to the backups every retry interval: a primary that crashes in between restarts without
 * writes its clients were told had happened.
 */
public final class Primary implements Node {
  private enum Timer {
    RETRY
  }

  private record Waiting(int from, Request request) {}

  private final PbConfig config;
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private final SortedMap<Integer, StateReply> recovered = new TreeMap<>();
  private final SortedSet<Integer> acked = new TreeSet<>();
  private NodeContext ctx;
  private boolean serving;
  private long epoch;
  private long seq;
  private State state = State.empty();
  private Replicate inFlight;
  private Waiting answerOnCommit;

  public Primary(PbConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    c.setRole("recovering");
    for (String b : config.backups()) {
      c.send(c.idOf(b), new StateRequest());
    }
    c.setTimer(config.retryMicros(), Timer.RETRY);
  }

  @Override
  public void onMessage(NodeContext c, int from, Message m) {
    if (m instanceof StateReply r && !serving && inFlight == null) {
      recovered.put(from, r);
      if (recovered.size() == config.backups().size()) {
        StateReply newest = r;
        for (StateReply x : recovered.values()) {
          newest = newer(x.epoch(), x.seq(), newest.epoch(), newest.seq()) ? x : newest;
        }
        epoch = newest.epoch() + 1;
        seq = 0;
        replicate(new Replicate(epoch, seq, newest.state()), null);
      }
    } else if (m instanceof Ack a && inFlight != null) {
      if (a.epoch() == inFlight.epoch() && a.seq() == inFlight.seq()) {
        acked.add(from);
        if (acked.size() == config.backups().size()) {
          commit();
        }
      }
    } else if (m instanceof Request r) {
      queue.add(new Waiting(from, r));
      drain();
    }
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (!serving && inFlight == null) {
      for (String b : config.backups()) {
        if (!recovered.containsKey(c.idOf(b))) {
          c.send(c.idOf(b), new StateRequest());
        }
      }
    } else if (inFlight != null) {
      for (String b : config.backups()) {
        if (!acked.contains(c.idOf(b))) {
          c.send(c.idOf(b), inFlight);
        }
      }
    } else if (config.asyncReplication()) {
      for (String b : config.backups()) {
        c.send(c.idOf(b), new Replicate(epoch, seq, state));
      }
    }
    c.setTimer(config.retryMicros(), Timer.RETRY);
  }

  private void replicate(Replicate r, Waiting answer) {
    inFlight = r;
    answerOnCommit = answer;
    acked.clear();
    for (String b : config.backups()) {
      ctx.send(ctx.idOf(b), r);
    }
  }

  private void commit() {
    state = inFlight.state();
    inFlight = null;
    if (answerOnCommit != null) {
      answer(answerOnCommit);
      answerOnCommit = null;
    }
    if (!serving) {
      serving = true;
      ctx.setRole("primary");
    }
    drain();
  }

  /** Serves queued requests until one must wait for the backups. */
  private void drain() {
    while (serving && inFlight == null && !queue.isEmpty()) {
      Waiting w = queue.poll();
      Request r = w.request();
      if (!r.write() || state.applied(r.client(), r.reqId())) {
        answer(w);
        continue;
      }
      State next = state.write(r.client(), r.reqId(), r.key(), r.value());
      seq++;
      if (config.asyncReplication()) {
        state = next;
        answer(w);
      } else {
        replicate(new Replicate(epoch, seq, next), w);
      }
    }
  }

  private void answer(Waiting w) {
    Request r = w.request();
    Long value = r.write() ? r.value() : state.values().get(r.key());
    ctx.send(w.from(), new Reply(r.reqId(), value));
  }

  static boolean newer(long epochA, long seqA, long epochB, long seqB) {
    return epochA > epochB || (epochA == epochB && seqA > seqB);
  }
}
