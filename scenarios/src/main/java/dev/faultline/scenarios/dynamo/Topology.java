package dev.faultline.scenarios.dynamo;

import dev.faultline.models.ring.store.StoreConfig;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.PartitionShape;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run's fault strikes and which servers each client talks to. A forced fault is aimed at
 * the first key's preference list, from the seed's {@code dynamo-aim} stream, and starts a fifth of
 * the way into the fault phase; it lasts until the heal at its end.
 *
 * @param schedule the forced fault's schedule, or null when the generator draws the faults
 * @param coordinators for each client, the servers it may send requests to
 * @param sides for each client, the side of the partition it is on ({@code a} or {@code b}), or
 *     {@code all} when there is no forced partition
 * @param faultStartMicros when the forced fault strikes (0 for generated schedules)
 * @param aim one line saying what was aimed at what
 */
record Topology(
    FaultSchedule schedule,
    Map<String, List<String>> coordinators,
    Map<String, String> sides,
    long faultStartMicros,
    String aim) {

  static Topology plan(
      FaultMode mode,
      long seed,
      StoreConfig store,
      List<String> clients,
      String targetKey,
      long durationMicros,
      long skewMicros) {
    List<String> servers = store.servers();
    RandomStream aim = RandomStream.of(seed, "dynamo-aim");
    List<String> homes = store.homes(targetKey);
    long start = durationMicros / 5;
    Map<String, List<String>> coordinators = new TreeMap<>();
    Map<String, String> sides = new TreeMap<>();
    for (String c : clients) {
      coordinators.put(c, servers);
      sides.put(c, "all");
    }
    List<TimedFault> faults = new ArrayList<>();
    String text;
    switch (mode) {
      case REPLICA_CRASH -> {
        String victim = homes.get(aim.nextInt(homes.size()));
        faults.add(new TimedFault(start, new Fault.Crash(victim)));
        List<String> live = new ArrayList<>(servers);
        live.remove(victim);
        clients.forEach(c -> coordinators.put(c, live));
        text = "crash " + victim + ", a home replica of " + targetKey + " " + homes;
      }
      case PARTITION -> {
        return partition(aim, store, clients, targetKey, start, durationMicros);
      }
      case CLOCK_SKEW -> {
        String victim = servers.get(aim.nextInt(servers.size()));
        faults.add(new TimedFault(start, new Fault.Skew(victim, -skewMicros, 0)));
        faults.add(new TimedFault(durationMicros, new Fault.Skew(victim, 0, 0)));
        text = "the clock of " + victim + " runs " + skewMicros / 1000 + " ms behind";
      }
      case CONCURRENT_WRITES -> text = "no fault: every client writes every key, blind";
      default -> {
        return new Topology(null, coordinators, sides, 0, "generated faults");
      }
    }
    return new Topology(new FaultSchedule(faults), coordinators, sides, start, text);
  }

  /**
   * A 1 | 2 split of the target key's home replicas, clients on both sides: one home replica and
   * one other server (a stand-in for sloppy quorums) with the first half of the clients, against
   * the rest.
   */
  private static Topology partition(
      RandomStream aim,
      StoreConfig store,
      List<String> clients,
      String targetKey,
      long start,
      long end) {
    List<String> homes = store.homes(targetKey);
    List<String> others = new ArrayList<>(store.servers());
    others.removeAll(homes);
    List<String> serversA = new ArrayList<>();
    serversA.add(homes.get(aim.nextInt(homes.size())));
    if (!others.isEmpty()) {
      serversA.add(others.get(aim.nextInt(others.size())));
    }
    List<String> serversB = new ArrayList<>(store.servers());
    serversB.removeAll(serversA);
    int half = (clients.size() + 1) / 2;
    List<String> groupA = new ArrayList<>(serversA);
    List<String> groupB = new ArrayList<>(serversB);
    Map<String, List<String>> coordinators = new TreeMap<>();
    Map<String, String> sides = new TreeMap<>();
    for (int i = 0; i < clients.size(); i++) {
      boolean a = i < half;
      (a ? groupA : groupB).add(clients.get(i));
      coordinators.put(clients.get(i), a ? serversA : serversB);
      sides.put(clients.get(i), a ? "a" : "b");
    }
    List<TimedFault> faults =
        List.of(
            new TimedFault(
                start, new Fault.Partition(PartitionShape.HALVES, List.of(groupA, groupB))),
            new TimedFault(end, new Fault.Heal()));
    String text =
        "partition "
            + String.join(",", groupA)
            + " | "
            + String.join(",", groupB)
            + ": home replicas of "
            + targetKey
            + " "
            + homes
            + " split 1 | "
            + (homes.size() - 1);
    return new Topology(new FaultSchedule(faults), coordinators, sides, start, text);
  }
}
