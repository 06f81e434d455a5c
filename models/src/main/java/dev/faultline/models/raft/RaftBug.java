package dev.faultline.models.raft;

import java.util.Locale;

/**
 * A published Raft mistake the model can reintroduce, so that a sweep can show the checkers catch
 * it. {@link #NONE} is the correct protocol.
 */
public enum RaftBug {
  NONE,
  /**
   * The leader advances its high watermark by counting replicas of entries from earlier epochs
   * (Raft paper, figure 8): an entry stored on a majority can still be overwritten by a leader
   * whose log ends in a later epoch.
   */
  COMMIT_PREVIOUS_EPOCH,
  /** Voters grant votes (and pre-votes) without checking that the candidate's log is current. */
  VOTE_WITHOUT_LOG_CHECK,
  /** The vote is not written to disk before it is answered: a restart forgets it. */
  VOTE_NOT_PERSISTED,
  /** The leader answers reads from its own state without confirming it is still the leader. */
  STALE_LEADER_READ;

  /** The knob spelling, e.g. {@code commit-previous-epoch}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The bug a knob value names; throws IllegalArgumentException for an unknown one. */
  public static RaftBug fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
