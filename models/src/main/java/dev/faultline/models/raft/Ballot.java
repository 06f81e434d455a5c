package dev.faultline.models.raft;

import java.util.BitSet;

/** The answers a (pre-)candidate has had from voters in one round. */
final class Ballot {
  private final BitSet granted = new BitSet();
  private final BitSet answered = new BitSet();

  Ballot(int self) {
    granted.set(self);
    answered.set(self);
  }

  void record(int voter, boolean grant) {
    answered.set(voter);
    if (grant) {
      granted.set(voter);
    }
  }

  boolean hasAnswered(int voter) {
    return answered.get(voter);
  }

  int grants() {
    return granted.cardinality();
  }
}
