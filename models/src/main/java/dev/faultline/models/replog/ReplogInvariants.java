package dev.faultline.models.replog;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated log's safety properties, checked after every event. Each reads the brokers through
 * {@link Simulation#node} and changes nothing.
 */
public final class ReplogInvariants {
  private ReplogInvariants() {}

  /**
   * The invariants that must hold in {@code config}. With unclean election or the truncation bug,
   * committed records may be thrown away by design, so only {@link OneLeaderPerEpoch} applies.
   */
  public static List<Invariant> forConfig(ReplogConfig config) {
    return forConfig(config, FlushPolicy.everyAppend());
  }

  /**
   * The invariants that must hold in {@code config} with brokers fsyncing as {@code flush} says:
   * without an fsync per append, a crash of every replica (a power loss) throws committed records
   * away by design too, so only {@link OneLeaderPerEpoch} applies.
   */
  public static List<Invariant> forConfig(ReplogConfig config, FlushPolicy flush) {
    List<Invariant> out = new ArrayList<>();
    out.add(new OneLeaderPerEpoch(config));
    if (!config.uncleanLeaderElection()
        && !config.truncateToHighWatermark()
        && flush.syncsEveryAppend()) {
      out.add(new HighWatermarkNeverGoesBack(config));
      out.add(new CommittedRecordsStay(config));
    }
    return out;
  }

  private static PartitionReplica replica(Simulation sim, int broker, int partition) {
    if (!(sim.node(broker) instanceof Broker b)) {
      return null;
    }
    return b.partition(partition);
  }

  /** No two brokers ever lead one partition in the same leader epoch. */
  public static final class OneLeaderPerEpoch implements Invariant {
    private final ReplogConfig config;
    private final Map<Long, Integer> leaders = new TreeMap<>();
    private final int[][] lastEpoch;

    public OneLeaderPerEpoch(ReplogConfig config) {
      this.config = config;
      this.lastEpoch = new int[config.brokers()][config.partitions()];
    }

    @Override
    public String name() {
      return "OneLeaderPerEpoch";
    }

    @Override
    public String check(Simulation sim) {
      for (int b = 0; b < config.brokers(); b++) {
        for (int p = 0; p < config.partitions(); p++) {
          PartitionReplica r = replica(sim, b, p);
          if (r == null || !r.isLeader() || r.leaderEpoch() == lastEpoch[b][p]) {
            continue;
          }
          lastEpoch[b][p] = r.leaderEpoch();
          long key = ((long) p << 32) | r.leaderEpoch();
          Integer other = leaders.putIfAbsent(key, b);
          if (other != null && other != b) {
            return sim.nameOf(other)
                + " and "
                + sim.nameOf(b)
                + " both led partition "
                + p
                + " in leader epoch "
                + r.leaderEpoch();
          }
        }
      }
      return null;
    }
  }

  /** A replica's high watermark never decreases while the replica lives. */
  public static final class HighWatermarkNeverGoesBack implements Invariant {
    private final ReplogConfig config;
    private final Object[] seen;
    private final long[][] last;

    public HighWatermarkNeverGoesBack(ReplogConfig config) {
      this.config = config;
      this.seen = new Object[config.brokers()];
      this.last = new long[config.brokers()][config.partitions()];
    }

    @Override
    public String name() {
      return "HighWatermarkNeverGoesBack";
    }

    @Override
    public String check(Simulation sim) {
      for (int b = 0; b < config.brokers(); b++) {
        Object node = sim.node(b);
        if (node != seen[b]) {
          seen[b] = node; // a restart recovers its high watermark from disk: start again
          last[b] = new long[config.partitions()];
        }
        for (int p = 0; node != null && p < config.partitions(); p++) {
          PartitionReplica r = replica(sim, b, p);
          if (r == null) {
            continue;
          }
          if (r.highWatermark() < last[b][p]) {
            return "the high watermark of "
                + sim.nameOf(b)
                + " on partition "
                + p
                + " went back from "
                + last[b][p]
                + " to "
                + r.highWatermark();
          }
          last[b][p] = r.highWatermark();
        }
      }
      return null;
    }
  }

  /**
   * Once any leader's high watermark passes an offset, the record there is committed: no leader
   * ever commits a different record at that offset.
   */
  public static final class CommittedRecordsStay implements Invariant {
    private final ReplogConfig config;
    private final List<Map<Long, Long>> committed = new ArrayList<>();
    private final long[][] leaderHw;

    public CommittedRecordsStay(ReplogConfig config) {
      this.config = config;
      for (int p = 0; p < config.partitions(); p++) {
        committed.add(new TreeMap<>());
      }
      this.leaderHw = new long[config.brokers()][config.partitions()];
    }

    @Override
    public String name() {
      return "CommittedRecordsStay";
    }

    @Override
    public String check(Simulation sim) {
      for (int b = 0; b < config.brokers(); b++) {
        for (int p = 0; p < config.partitions(); p++) {
          PartitionReplica r = replica(sim, b, p);
          if (r == null || !r.isLeader() || r.highWatermark() == leaderHw[b][p]) {
            continue;
          }
          long from = Math.min(leaderHw[b][p], r.highWatermark());
          leaderHw[b][p] = r.highWatermark();
          Map<Long, Long> known = committed.get(p);
          for (long o = from; o < r.highWatermark(); o++) {
            long value = r.log().get(o).value();
            Long before = known.putIfAbsent(o, value);
            if (before != null && before != value) {
              return sim.nameOf(b)
                  + " committed "
                  + value
                  + " at offset "
                  + o
                  + " of partition "
                  + p
                  + ", where "
                  + before
                  + " had been committed";
            }
          }
        }
      }
      return null;
    }
  }
}
