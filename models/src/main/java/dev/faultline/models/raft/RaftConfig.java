package dev.faultline.models.raft;

/**
 * The knobs of the Raft cluster. Times are on each node's own clock. KRaft's defaults are an
 * election timeout of 1 s, a fetch timeout of 2 s and a fetch wait of 500 ms; the scenario scales
 * them down so that a short run sees many elections.
 *
 * @param voters how many voters there are; they are nodes 0..voters-1
 * @param electionTimeoutMicros base election timeout; each wait is drawn from [t, 2t)
 * @param fetchTimeoutMicros a follower that has not fetched successfully for this long campaigns
 * @param fetchMaxWaitMicros how long the leader holds a fetch that has nothing new (long poll)
 * @param maxFetchRecords the most entries one fetch response carries
 * @param preVote whether a node asks for pre-votes before it raises its epoch (KIP-996)
 * @param checkQuorum whether a leader resigns when a majority has not fetched within 1.5 fetch
 *     timeouts
 * @param readPath how reads are served
 * @param epochStartRecord whether a new leader appends a LeaderChange entry at once, as KRaft does;
 *     when off (the Raft paper's way), its first commit waits for a client command, and a read by
 *     read index appends the entry it needs
 * @param bug the mistake reintroduced, or {@link RaftBug#NONE}
 * @param firstVoterId the node id of the first voter: the voters are nodes {@code firstVoterId} to
 *     {@code firstVoterId + voters - 1} (0 when the voters are the first nodes of the simulation;
 *     the KRaft controllers follow the brokers)
 */
public record RaftConfig(
    int voters,
    long electionTimeoutMicros,
    long fetchTimeoutMicros,
    long fetchMaxWaitMicros,
    int maxFetchRecords,
    boolean preVote,
    boolean checkQuorum,
    ReadPath readPath,
    boolean epochStartRecord,
    RaftBug bug,
    int firstVoterId) {

  public RaftConfig {
    if (voters < 1) {
      throw new IllegalArgumentException("a cluster needs at least one voter");
    }
    if (electionTimeoutMicros <= 0 || fetchTimeoutMicros <= 0 || fetchMaxWaitMicros <= 0) {
      throw new IllegalArgumentException("raft timeouts must be positive");
    }
    if (maxFetchRecords < 1) {
      throw new IllegalArgumentException("a fetch must be able to carry at least one record");
    }
    if (firstVoterId < 0) {
      throw new IllegalArgumentException("voter ids must not be negative");
    }
  }

  /** Voters that are nodes 0..voters-1. */
  public RaftConfig(
      int voters,
      long electionTimeoutMicros,
      long fetchTimeoutMicros,
      long fetchMaxWaitMicros,
      int maxFetchRecords,
      boolean preVote,
      boolean checkQuorum,
      ReadPath readPath,
      boolean epochStartRecord,
      RaftBug bug) {
    this(
        voters,
        electionTimeoutMicros,
        fetchTimeoutMicros,
        fetchMaxWaitMicros,
        maxFetchRecords,
        preVote,
        checkQuorum,
        readPath,
        epochStartRecord,
        bug,
        0);
  }

  /** The node id of voter {@code index} (0-based). */
  public int voterId(int index) {
    return firstVoterId + index;
  }

  /** The index of voter {@code nodeId}, or -1 when that node is not a voter (an observer). */
  public int voterIndex(int nodeId) {
    int i = nodeId - firstVoterId;
    return i >= 0 && i < voters ? i : -1;
  }

  /** How many voters make a majority. */
  public int majority() {
    return voters / 2 + 1;
  }

  /** How long a fetch may go unanswered before the follower sends it again. */
  long fetchRetryMicros() {
    return fetchMaxWaitMicros + fetchMaxWaitMicros / 2;
  }

  /** A leader resigns when a majority has not fetched for this long (KIP-595's check-quorum). */
  long checkQuorumMicros() {
    return fetchTimeoutMicros + fetchTimeoutMicros / 2;
  }
}
