package dev.faultline.models.ring.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A server's view of which other servers are down. A server is suspected when a request to it goes
 * unanswered for the replica timeout, and trusted again as soon as any message from it arrives
 * (probes make sure one does after a heal or a restart). Lives in memory: a restarted server trusts
 * everyone until it learns otherwise.
 */
final class FailureDetector {
  private final boolean[] suspected;

  FailureDetector(int nodeCount) {
    this.suspected = new boolean[nodeCount];
  }

  void suspect(int node) {
    suspected[node] = true;
  }

  void heard(int node) {
    suspected[node] = false;
  }

  boolean isSuspected(int node) {
    return suspected[node];
  }

  /** The suspected nodes, in id order. */
  List<Integer> suspects() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < suspected.length; i++) {
      if (suspected[i]) {
        out.add(i);
      }
    }
    return out;
  }
}
