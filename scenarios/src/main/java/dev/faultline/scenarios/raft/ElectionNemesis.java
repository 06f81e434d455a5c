package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.ArrayList;
import java.util.List;

/**
 * A nemesis aimed at the moments around an election, where Raft's subtle mistakes live. Every
 * {@code pollMicros} it looks at the voters; at each of three moments it strikes with probability
 * {@code rate}:
 *
 * <ul>
 *   <li>a voter has just granted its vote in a new epoch: it crashes at once and restarts soon (a
 *       voter must still remember the vote when the election's other candidates ask again);
 *   <li>a leader has just been elected: it is cut off from the other voters for a while, clients
 *       still reaching it (a "zombie" whose entries no one else stores, so that later elections
 *       choose between logs that end in different epochs);
 *   <li>a leader has just committed for the first time in its epoch: it crashes, and restarts after
 *       a while (the moment of the Raft paper's figure 8, when a new leader has committed what
 *       earlier epochs left behind but nothing of its own yet).
 * </ul>
 *
 * Every fault goes through the fault plane: crashes count against {@code max-down} (a refused crash
 * is simply not applied), the cut adds to any in force, and its heal clears every cut. Draws come
 * from the seed's {@code election-nemesis} stream.
 */
final class ElectionNemesis implements Nemesis {
  private final double rate;
  private final long durationMicros;
  private final long pollMicros;
  private NemesisContext ctx;
  private int[] voteSeen;
  private int newestLeaderEpoch;
  private int leaderWatched = -1;
  private int watchedEpoch;
  private long hwAtElection;
  private long cutUntil;

  ElectionNemesis(double rate, long durationMicros, long pollMicros) {
    this.rate = rate;
    this.durationMicros = durationMicros;
    this.pollMicros = pollMicros;
  }

  @Override
  public String name() {
    return "election-nemesis";
  }

  @Override
  public void start(NemesisContext context) {
    this.ctx = context;
    this.voteSeen = new int[context.servers().size()];
    ctx.sim().at(pollMicros, this::poll);
  }

  private RaftNode node(int i) {
    Simulation sim = ctx.sim();
    return sim.node(sim.idOf(ctx.servers().get(i))) instanceof RaftNode n ? n : null;
  }

  private void poll() {
    long now = ctx.sim().nowMicros();
    for (int i = 0; i < voteSeen.length; i++) {
      RaftNode n = node(i);
      if (n != null && !n.isLeader() && n.votedFor() >= 0 && n.epoch() > voteSeen[i]) {
        voteSeen[i] = n.epoch();
        if (n.votedFor() != ctx.sim().idOf(ctx.servers().get(i)) && ctx.random().chance(rate)) {
          crash(i, 1_000 + ctx.exponential(durationMicros / 8));
        }
      }
    }
    watchNewLeader(now);
    watchFirstCommit();
    if (now + pollMicros < ctx.faultEndMicros()) {
      ctx.sim().at(now + pollMicros, this::poll);
    }
  }

  /** A leader of a newer epoch than any seen: maybe cut it off, and watch for its first commit. */
  private void watchNewLeader(long now) {
    for (int i = 0; i < voteSeen.length; i++) {
      RaftNode n = node(i);
      if (n == null || !n.isLeader() || n.epoch() <= newestLeaderEpoch) {
        continue;
      }
      newestLeaderEpoch = n.epoch();
      leaderWatched = i;
      watchedEpoch = n.epoch();
      hwAtElection = n.highWatermark();
      if (now >= cutUntil && ctx.random().chance(rate)) {
        cutUntil = Math.min(ctx.faultEndMicros(), now + 1_000 + ctx.exponential(durationMicros));
        String name = ctx.servers().get(i);
        List<String> rest = new ArrayList<>(ctx.servers());
        rest.remove(name);
        ctx.plane()
            .strike(new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(name), rest)));
        ctx.plane().at(cutUntil, new Fault.Heal());
        leaderWatched = -1; // a zombie's commits are not the moment this nemesis waits for
      }
    }
  }

  private void watchFirstCommit() {
    if (leaderWatched < 0) {
      return;
    }
    RaftNode n = node(leaderWatched);
    if (n == null || !n.isLeader() || n.epoch() != watchedEpoch) {
      leaderWatched = -1;
    } else if (n.highWatermark() > hwAtElection) {
      int i = leaderWatched;
      leaderWatched = -1;
      if (ctx.random().chance(rate)) {
        crash(i, 1_000 + ctx.exponential(durationMicros / 2));
      }
    }
  }

  private void crash(int i, long forMicros) {
    String name = ctx.servers().get(i);
    long back = Math.min(ctx.faultEndMicros(), ctx.sim().nowMicros() + forMicros);
    ctx.plane().strike(new Fault.Crash(name));
    ctx.plane().at(back, new Fault.Restart(name));
  }
}
