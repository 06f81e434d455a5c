package dev.faultline.models.raft;

import dev.faultline.sim.Message;
import java.util.List;

/**
 * The messages between voters, each stamped with the sender's epoch (KIP-595's RPCs, reduced to
 * what the model needs). A receiver that sees a higher epoch adopts it before anything else.
 */
public sealed interface RaftMessage extends Message {
  /** The sender's epoch; for a pre-vote request, the epoch the sender would campaign in. */
  int epoch();

  /** A candidate asks for a vote in {@code epoch}; its log ends at (lastEpoch, endOffset). */
  record VoteRequest(int epoch, int candidate, int lastEpoch, long endOffset)
      implements RaftMessage {}

  /** The answer to a vote request; {@code leader} is the voter's known leader, or -1. */
  record VoteResponse(int epoch, boolean granted, int leader) implements RaftMessage {}

  /** KIP-996: would you vote for me in {@code epoch}? Changes no state at the receiver. */
  record PreVoteRequest(int epoch, int candidate, int lastEpoch, long endOffset)
      implements RaftMessage {}

  /** The answer to a pre-vote, with the voter's own epoch and known leader (or -1). */
  record PreVoteResponse(int epoch, boolean granted, int leader) implements RaftMessage {}

  /** A new leader announces itself to every voter. */
  record BeginQuorumEpoch(int epoch, int leader) implements RaftMessage {}

  /**
   * A follower asks for entries from {@code fetchOffset}, its durable end offset; its last entry
   * has epoch {@code lastFetchedEpoch}. {@code barrier} echoes the newest read barrier the follower
   * has seen from this leader, so the leader knows this fetch left after that barrier was raised.
   */
  record FetchRequest(int epoch, long fetchId, long fetchOffset, int lastFetchedEpoch, long barrier)
      implements RaftMessage {}

  /** Why a fetch was not served. */
  enum FetchError {
    NONE,
    /** The receiver is not the leader of the sender's epoch; {@code leader} is its hint or -1. */
    NOT_LEADER
  }

  /**
   * The leader's answer. When the follower's log diverges, {@code divergingEpoch} is the largest
   * epoch of the leader's log not above the follower's last fetched epoch and {@code
   * divergingEndOffset} where the leader's entries of that epoch end; the follower truncates and
   * fetches again. Otherwise {@code records} follow on from the fetch offset (possibly none).
   */
  record FetchResponse(
      int epoch,
      int leader,
      long fetchId,
      FetchError error,
      List<LogEntry> records,
      long highWatermark,
      int divergingEpoch,
      long divergingEndOffset,
      long barrier)
      implements RaftMessage {
    public FetchResponse {
      records = List.copyOf(records);
    }

    boolean diverging() {
      return divergingEndOffset >= 0;
    }
  }
}
