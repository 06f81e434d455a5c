package dev.faultline.models.raft;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Node;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raft's Log Matching property (the paper's Figure 3), over every log, committed or not: if two
 * logs hold an entry with the same offset and epoch, they hold the same entries up to and including
 * it.
 *
 * <p>Checked incrementally, each entry once (again only after its node truncates or restarts). One
 * leader writes each epoch, so every log's run of entries of epoch e must be a prefix of one
 * sequence: the same start offset, the same epoch just before it, and the same entries. The first
 * log that shows an entry of epoch e defines it. By induction over the epochs before it, agreeing
 * on these for every epoch is agreeing on whole prefixes.
 */
public final class LogMatching implements Invariant {
  /** What every log agrees on about one epoch's entries. */
  private static final class EpochRun {
    final long start;
    final int epochBefore;
    final List<LogEntry> entries = new ArrayList<>();

    EpochRun(long start, int epochBefore) {
      this.start = start;
      this.epochBefore = epochBefore;
    }
  }

  private final Map<Integer, EpochRun> runs = new TreeMap<>();
  private final Node[] seen;
  private final long[] checked;
  private final long[] truncations;

  public LogMatching(int servers) {
    this.seen = new Node[servers];
    this.checked = new long[servers];
    this.truncations = new long[servers];
  }

  @Override
  public String name() {
    return "LogMatching";
  }

  @Override
  public String check(Simulation sim) {
    for (int i = 0; i < seen.length; i++) {
      if (sim.node(i) instanceof RaftNode n) {
        String broken = check(sim, i, n.log());
        if (broken != null) {
          return broken;
        }
      }
    }
    return null;
  }

  private String check(Simulation sim, int i, RaftLog log) {
    if (seen[i] != sim.node(i)) {
      seen[i] = sim.node(i);
      checked[i] = 0;
      truncations[i] = log.truncations();
    } else if (truncations[i] != log.truncations()) {
      truncations[i] = log.truncations();
      checked[i] = Math.min(checked[i], log.endOffset());
    }
    for (long o = checked[i]; o < log.endOffset(); o++) {
      String broken = checkEntry(log, o);
      if (broken != null) {
        return sim.nameOf(i) + " " + broken;
      }
      checked[i] = o + 1;
    }
    return null;
  }

  private String checkEntry(RaftLog log, long o) {
    LogEntry e = log.entry(o);
    int before = o == 0 ? 0 : log.entry(o - 1).epoch();
    EpochRun run = runs.get(e.epoch());
    if (run == null) {
      if (before == e.epoch()) {
        return "holds " + e + " but no log holds the start of epoch " + e.epoch();
      }
      run = new EpochRun(o, before);
      runs.put(e.epoch(), run);
    }
    if (before != e.epoch() && (run.start != o || run.epochBefore != before)) {
      return "starts epoch "
          + e.epoch()
          + " at offset "
          + o
          + " after an entry of epoch "
          + before
          + ", where another log starts it at offset "
          + run.start
          + " after epoch "
          + run.epochBefore;
    }
    long index = o - run.start;
    if (index < run.entries.size()) {
      LogEntry agreed = run.entries.get((int) index);
      return agreed.equals(e)
          ? null
          : "holds " + e + " where another log holds " + agreed + " at the same offset and epoch";
    }
    if (index != run.entries.size()) {
      return "holds " + e + " beyond the entries of its epoch any log has shown";
    }
    run.entries.add(e);
    return null;
  }
}
