package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** The elections one run of {@code raft-election} timed, and how they are reported. */
final class ElectionTrials {
  /** One crash and the election after it. */
  record Trial(long crashMicros, long downtimeMicros, boolean elected, int epochs) {}

  private final List<Trial> trials = new ArrayList<>();

  void record(long crashMicros, long downtimeMicros, boolean elected, int epochs) {
    trials.add(new Trial(crashMicros, downtimeMicros, elected, epochs));
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
