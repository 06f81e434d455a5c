package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The elections one run of {@code raft-election} timed, measured by a probe after every event: when
 * the leader that every live voter followed goes down, the clock starts; it stops at the first
 * event after which every live voter follows one new leader, or at the trial limit. Being a probe
 * (not part of the nemesis), it measures the same in a run replayed from its printed schedule.
 */
final class ElectionTrials implements Invariant {
  /** One crash and the election after it. */
  record Trial(long crashMicros, long downtimeMicros, boolean elected, int epochs) {}

  private final List<String> servers;
  private final long limitMicros;
  private final List<Trial> trials = new ArrayList<>();
  private int followed = -1;
  private int followedEpoch;
  private long downSince = -1;

  ElectionTrials(List<String> servers, long limitMicros) {
    this.servers = List.copyOf(servers);
    this.limitMicros = limitMicros;
  }

  @Override
  public String name() {
    return "election-timer";
  }

  @Override
  public String check(Simulation sim) {
    long now = sim.nowMicros();
    if (downSince < 0) {
      int l = followedLeader(sim, servers, -1);
      if (l >= 0) {
        followed = l;
        followedEpoch = ((RaftNode) sim.node(l)).epoch();
      } else if (followed >= 0 && !sim.isUp(followed)) {
        downSince = now;
      }
      return null;
    }
    int next = followedLeader(sim, servers, followed);
    if (next >= 0) {
      trials.add(
          new Trial(
              downSince,
              now - downSince,
              true,
              ((RaftNode) sim.node(next)).epoch() - followedEpoch));
    } else if (now - downSince >= limitMicros) {
      trials.add(new Trial(downSince, limitMicros, false, -1));
    } else {
      return null;
    }
    downSince = -1;
    followed = -1;
    return null;
  }

  int count() {
    return trials.size();
  }

  List<Trial> trials() {
    return List.copyOf(trials);
  }

  /**
   * The metrics: {@code downtime.ms} for the first election, {@code downtime.ms#2} and on for the
   * next ones (compare pools them as samples of {@code downtime.ms}), the epochs each took, and how
   * many elections ran out of time.
   */
  void report(SortedMap<String, Double> metrics) {
    int censored = 0;
    for (int i = 0; i < trials.size(); i++) {
      Trial t = trials.get(i);
      String suffix = i == 0 ? "" : "#" + (i + 1);
      metrics.put("downtime.ms" + suffix, t.downtimeMicros() / 1000.0);
      if (t.elected()) {
        metrics.put("election.epochs" + suffix, (double) t.epochs());
      } else {
        censored++;
      }
    }
    metrics.put("elections", (double) trials.size());
    metrics.put("elections.unfinished", (double) censored);
  }

  /**
   * The server that leads and that every other live server follows in its epoch, other than {@code
   * not}; -1 when there is none.
   */
  static int followedLeader(Simulation sim, List<String> servers, int not) {
    int leader = -1;
    for (String s : servers) {
      int id = sim.idOf(s);
      if (id != not && sim.node(id) instanceof RaftNode n && n.isLeader()) {
        leader = id;
      }
    }
    if (leader < 0) {
      return -1;
    }
    int epoch = ((RaftNode) sim.node(leader)).epoch();
    for (String s : servers) {
      int id = sim.idOf(s);
      if (id == leader || !sim.isUp(id)) {
        continue;
      }
      RaftNode n = (RaftNode) sim.node(id);
      if (n.epoch() != epoch || n.knownLeader() != leader || n.isLeader()) {
        return -1;
      }
    }
    return leader;
  }
}
