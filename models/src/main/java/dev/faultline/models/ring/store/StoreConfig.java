package dev.faultline.models.ring.store;

import dev.faultline.models.ring.Ring;
import java.util.List;

/**
 * How the quorum store behaves: replication, quorums, versioning, repair, and its timeouts.
 *
 * @param ring the consistent-hashing ring over the server names; preference lists come from it
 * @param n replicas per key: the top {@code n} nodes of the key's preference list
 * @param r answers a read waits for
 * @param w acknowledgements a write waits for
 * @param quorum strict (only home replicas count) or sloppy (stand-ins with hints count too)
 * @param versioning vector clocks with siblings, or last-write-wins by the coordinator's clock
 * @param readRepair whether a read repairs stale replicas before it answers, after, or never
 * @param replicaTimeoutMicros how long a coordinator waits for one replica before suspecting it
 * @param requestTimeoutMicros how long a coordinator waits for a quorum before giving up
 * @param probeMicros how often a server probes the nodes it suspects, and offers hints back
 */
public record StoreConfig(
    Ring ring,
    int n,
    int r,
    int w,
    Quorum quorum,
    Versioning versioning,
    ReadRepair readRepair,
    long replicaTimeoutMicros,
    long requestTimeoutMicros,
    long probeMicros) {

  /** Which nodes may count towards a quorum. */
  public enum Quorum {
    /** Only the key's home replicas: too few reachable means the operation fails (CP). */
    STRICT,
    /** The first healthy nodes of the extended preference list; stand-ins keep hints (AP). */
    SLOPPY
  }

  /** How concurrent versions of a key are told apart. */
  public enum Versioning {
    /** Vector clocks: concurrent writes are all kept, as siblings returned to the reader. */
    VCLOCK,
    /** Last write wins by the coordinator's timestamp: one version survives, skew decides. */
    LWW
  }

  /** What a read does with replicas that answered with an older version. */
  public enum ReadRepair {
    /** Repairs the stale replicas it heard from and waits for them before answering. */
    BLOCKING,
    /** Answers first, then sends the repairs (Dynamo's original read repair). */
    ASYNC,
    /** Never repairs on read; only hinted handoff moves data. */
    OFF
  }

  public StoreConfig {
    if (ring == null) {
      throw new IllegalArgumentException("the store needs a ring");
    }
    int servers = ring.nodes().size();
    if (n < 1 || n > servers) {
      throw new IllegalArgumentException("n must be from 1 to " + servers + " (servers), not " + n);
    }
    if (r < 1 || r > n || w < 1 || w > n) {
      throw new IllegalArgumentException(
          "r and w must be from 1 to n=" + n + ", not r=" + r + " w=" + w);
    }
    if (replicaTimeoutMicros <= 0 || requestTimeoutMicros <= replicaTimeoutMicros) {
      throw new IllegalArgumentException(
          "timeouts must be positive, the request's longer than a replica's");
    }
    if (probeMicros <= 0) {
      throw new IllegalArgumentException("the probe interval must be positive");
    }
  }

  /** The servers, in ring order (sorted by name). */
  public List<String> servers() {
    return ring.nodes();
  }

  /** Every server in the order a key's coordinator tries them: home replicas first. */
  public List<String> extendedPreferenceList(String key) {
    return ring.preferenceList(key, ring.nodes().size());
  }

  /** The key's home replicas. */
  public List<String> homes(String key) {
    return ring.preferenceList(key, n);
  }
}
