package dev.faultline.models.raft;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Node;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed entries (those below the highest high watermark any node has reported) are identical on
 * every replica that knows them committed, are never truncated away by a running replica, and are
 * all in the log of every leader. Checked incrementally: each node's log is compared once per
 * entry, again only after it truncates or restarts.
 */
public final class CommittedLogIntact implements Invariant {
  private final List<LogEntry> committed = new ArrayList<>();

  /**
   * For each committed entry, an epoch no lower than the one in which it was committed: the epoch
   * of the node that first reported it committed (a node learns commits from leaders of its epoch
   * or earlier), made non-decreasing along the log.
   */
  private final List<Integer> committedBy = new ArrayList<>();

  private final int first;
  private final Node[] seen;
  private final long[] verified;
  private final long[] truncations;
  private final int[] electedEpoch;

  public CommittedLogIntact(int servers) {
    this(0, servers);
  }

  /** Checks nodes first..first+servers-1. */
  public CommittedLogIntact(int first, int servers) {
    this.first = first;
    this.seen = new Node[servers];
    this.verified = new long[servers];
    this.truncations = new long[servers];
    this.electedEpoch = new int[servers];
    java.util.Arrays.fill(electedEpoch, -1);
  }

  @Override
  public String name() {
    return "CommittedLogIntact";
  }

  /** How many entries are committed so far. */
  public int committedCount() {
    return committed.size();
  }

  /** How many committed entries were committed before epoch {@code epoch}: a prefix. */
  private long committedBefore(int epoch) {
    int lo = 0;
    int hi = committedBy.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (committedBy.get(mid) < epoch) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String check(Simulation sim) {
    for (int i = 0; i < seen.length; i++) {
      if (sim.node(first + i) instanceof RaftNode n) {
        String broken = check(sim, i, n);
        if (broken != null) {
          return broken;
        }
      }
    }
    return null;
  }

  private String check(Simulation sim, int i, RaftNode n) {
    RaftLog log = n.log();
    if (seen[i] != n) {
      seen[i] = n;
      verified[i] = 0;
      truncations[i] = log.truncations();
    } else if (truncations[i] != log.truncations()) {
      truncations[i] = log.truncations();
      if (log.endOffset() < verified[i]) {
        return sim.nameOf(first + i)
            + " truncated its log to "
            + log.endOffset()
            + ", losing committed entries up to offset "
            + (verified[i] - 1);
      }
    }
    for (long o = committed.size(); o < Math.min(n.highWatermark(), log.endOffset()); o++) {
      committed.add(log.entry(o)); // the first node to report a commit defines the entry
      int before = committedBy.isEmpty() ? 0 : committedBy.get(committedBy.size() - 1);
      committedBy.add(Math.max(before, n.epoch()));
    }
    // A follower may still hold divergent entries above what it knows is committed. A leader of
    // epoch e must hold every entry committed in an earlier epoch (Leader Completeness); entries
    // committed in later epochs may be missing from it, even entries written long ago: it may have
    // been deposed (or, after a pause, be acting on votes that a later election overtook).
    long known = n.highWatermark();
    if (n.isLeader() && electedEpoch[i] != n.epoch()) {
      electedEpoch[i] = n.epoch();
      long required = committedBefore(n.epoch());
      if (log.endOffset() < required) {
        return "leader "
            + sim.nameOf(first + i)
            + " of epoch "
            + n.epoch()
            + " was elected without committed entries from offset "
            + log.endOffset();
      }
      known = Math.max(known, required);
    }
    long upTo = Math.min(known, committed.size());
    for (long o = verified[i]; o < upTo; o++) {
      LogEntry mine = log.entry(o);
      LogEntry agreed = committed.get((int) o);
      if (!mine.equals(agreed)) {
        return sim.nameOf(first + i)
            + " holds "
            + mine
            + " at offset "
            + o
            + " where the committed entry is "
            + agreed;
      }
    }
    verified[i] = Math.max(verified[i], upTo);
    return null;
  }
}
