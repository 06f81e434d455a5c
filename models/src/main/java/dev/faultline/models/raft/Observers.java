package dev.faultline.models.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leader's side of observers: nodes that fetch the log without voting (KIP-595's observers;
 * KRaft's brokers read the metadata log this way). Their fetches never count toward the high
 * watermark and never keep the leader in office. A fetch with nothing new is held for up to the
 * fetch wait, and answered at once when the leader appends or its high watermark rises, so an
 * observer learns a commit within one round trip.
 */
final class Observers {
  private record Held(RaftMessage.FetchRequest request, long sinceMicros) {}

  private final RaftNode node;
  private final int epoch;
  private final Map<Integer, Held> held = new TreeMap<>();

  Observers(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  void onFetch(int from, RaftMessage.FetchRequest r) {
    held.remove(from);
    RaftLog log = node.log();
    RaftLog.EpochEnd end = log.endOffsetForEpoch(r.lastFetchedEpoch());
    if (r.fetchOffset() > 0
        && (end.epoch() != r.lastFetchedEpoch() || end.offset() < r.fetchOffset())) {
      send(from, r, List.of(), end.epoch(), end.offset());
    } else if (r.fetchOffset() < log.endOffset() || r.fetchOffset() < node.highWatermark()) {
      answer(from, r);
    } else {
      held.put(from, new Held(r, node.now()));
    }
  }

  private void answer(int to, RaftMessage.FetchRequest r) {
    send(to, r, node.log().slice(r.fetchOffset(), node.config().maxFetchRecords()), -1, -1);
  }

  private void send(
      int to, RaftMessage.FetchRequest r, List<LogEntry> records, int divEpoch, long divEnd) {
    node.ctx()
        .send(
            to,
            new RaftMessage.FetchResponse(
                epoch,
                node.ctx().self(),
                r.fetchId(),
                RaftMessage.FetchError.NONE,
                records,
                node.highWatermark(),
                divEpoch,
                divEnd,
                0));
  }

  /** Answers every held fetch: the log grew or the high watermark rose. */
  void wakeAll() {
    if (held.isEmpty()) {
      return;
    }
    List<Map.Entry<Integer, Held>> all = new ArrayList<>(held.entrySet());
    held.clear();
    for (Map.Entry<Integer, Held> e : all) {
      answer(e.getKey(), e.getValue().request());
    }
  }

  long nextDeadline() {
    long d = Long.MAX_VALUE;
    for (Held h : held.values()) {
      d = Math.min(d, h.sinceMicros() + node.config().fetchMaxWaitMicros());
    }
    return d;
  }

  void onTick(long nowMicros) {
    List<Integer> due = new ArrayList<>();
    held.forEach(
        (id, h) -> {
          if (nowMicros >= h.sinceMicros() + node.config().fetchMaxWaitMicros()) {
            due.add(id);
          }
        });
    for (int id : due) {
      answer(id, held.remove(id).request());
    }
  }
}
