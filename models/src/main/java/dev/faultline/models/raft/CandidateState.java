package dev.faultline.models.raft;

/**
 * A node campaigning in its epoch: it has voted for itself (durably) and asks every voter. A
 * majority makes it leader. A lost election (timed out, or under KRaft timers refused by a
 * majority) starts the next round: at once under Raft timers, through pre-vote when that is on, and
 * otherwise after KRaft's random backoff, during which the candidate waits without asking.
 */
final class CandidateState extends Campaign {
  private long backoffUntil = -1;

  CandidateState(RaftNode node, int epoch) {
    super(node, epoch);
  }

  @Override
  public String name() {
    return "candidate";
  }

  @Override
  RaftMessage request(RaftLog log) {
    return new RaftMessage.VoteRequest(epoch, node.ctx().self(), log.lastEpoch(), log.endOffset());
  }

  @Override
  void onMajority() {
    node.quorum().toLeader();
  }

  @Override
  void onLost(boolean refused) {
    if (refused && node.config().timers() == Timers.RAFT) {
      return; // Figure 2: a candidate waits out its election timeout
    }
    node.quorum().onElectionLost();
  }

  @Override
  boolean idle() {
    return backoffUntil >= 0;
  }

  /** Stops asking until {@code untilMicros}, then campaigns in the next epoch. */
  void backOff(long untilMicros) {
    backoffUntil = untilMicros;
  }

  @Override
  public long nextDeadline() {
    return idle() ? backoffUntil : super.nextDeadline();
  }

  @Override
  public void onTick(long nowMicros) {
    if (!idle()) {
      super.onTick(nowMicros);
    } else if (nowMicros >= backoffUntil) {
      node.quorum().toCandidate();
    }
  }
}
