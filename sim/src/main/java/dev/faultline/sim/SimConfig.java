package dev.faultline.sim;

import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.LatencySpec;
import dev.faultline.sim.net.NetworkConfig;

/**
 * A simulation's configuration: its seed, its bounds and its network. Printed before a run.
 *
 * @param seed the root seed every random stream is split from
 * @param maxTimeMicros virtual time a run may not pass
 * @param maxEvents events a run may not exceed
 * @param network the network every link starts with
 * @param fullTrace keep every trace event (for reports), not only the hash
 * @param tornWrites a crash keeps a random prefix of a node's unsynced writes instead of none
 * @param diskSyncLatency how long a disk sync takes, or null for no time at all: a node that syncs
 *     is busy until its sync ends (what it sends after the sync leaves then; what reaches it waits)
 */
public record SimConfig(
    long seed,
    long maxTimeMicros,
    long maxEvents,
    NetworkConfig network,
    boolean fullTrace,
    boolean tornWrites,
    LatencyModel diskSyncLatency) {

  public SimConfig {
    if (maxTimeMicros <= 0 || maxEvents <= 0) {
      throw new IllegalArgumentException("simulation bounds must be positive");
    }
    if (network == null) {
      throw new IllegalArgumentException("a simulation needs a network");
    }
  }

  /** One hour of virtual time, 100 million events, a LAN, hash-only trace, clean crashes. */
  public static SimConfig of(long seed) {
    return new SimConfig(
        seed, 3_600_000_000L, 100_000_000L, NetworkConfig.lan(), false, false, null);
  }

  public SimConfig withNetwork(NetworkConfig n) {
    return new SimConfig(seed, maxTimeMicros, maxEvents, n, fullTrace, tornWrites, diskSyncLatency);
  }

  public SimConfig withBounds(long timeMicros, long events) {
    return new SimConfig(seed, timeMicros, events, network, fullTrace, tornWrites, diskSyncLatency);
  }

  public SimConfig withFullTrace(boolean f) {
    return new SimConfig(seed, maxTimeMicros, maxEvents, network, f, tornWrites, diskSyncLatency);
  }

  public SimConfig withTornWrites(boolean t) {
    return new SimConfig(seed, maxTimeMicros, maxEvents, network, fullTrace, t, diskSyncLatency);
  }

  /** Disk syncs that take {@code latency} (null: no time). */
  public SimConfig withDiskSyncLatency(LatencyModel latency) {
    return new SimConfig(seed, maxTimeMicros, maxEvents, network, fullTrace, tornWrites, latency);
  }

  /** One line for the start of a run's output. */
  public String describe() {
    return "seed="
        + seed
        + " maxTime="
        + maxTimeMicros
        + "us maxEvents="
        + maxEvents
        + " network="
        + network
        + " tornWrites="
        + tornWrites
        + (diskSyncLatency == null ? "" : " diskSync=" + LatencySpec.print(diskSyncLatency));
  }
}
