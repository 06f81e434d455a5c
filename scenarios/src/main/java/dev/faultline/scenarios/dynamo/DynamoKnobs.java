package dev.faultline.scenarios.dynamo;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;

/** The rules {@code dynamo-kv}'s knobs must keep with one another, checked before a run. */
final class DynamoKnobs {
  private DynamoKnobs() {}

  /**
   * Refuses what no Dynamo-style store can be configured to do: more replicas per key than servers
   * (N above the node count), or a read or write quorum above N (R or W above N can never gather).
   */
  static void check(Knobs k) {
    int nodes = k.getInt("nodes");
    int n = k.getInt("n");
    if (n > nodes) {
      throw new KnobException(
          "n=" + n + " replicas per key need at least " + n + " servers, but nodes=" + nodes);
    }
    for (String quorum : new String[] {"r", "w"}) {
      if (k.getInt(quorum) > n) {
        throw new KnobException(
            quorum
                + "="
                + k.get(quorum)
                + " is above n="
                + n
                + ": a quorum larger than the "
                + "replicas of a key can never gather");
      }
    }
    if (FaultMode.of(k.get("fault")) == FaultMode.PARTITION && nodes < 2) {
      throw new KnobException("fault=partition needs at least 2 servers (nodes)");
    }
  }
}
