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

  /** Whether so many voters refused that a majority of grants can no longer come. */
  boolean lost(int voters, int majority) {
    return answered.cardinality() - granted.cardinality() > voters - majority;
  }
}
