package dev.faultline.models.raft;

/**
 * The knobs of the Raft cluster. Times are on each node's own clock. KRaft's defaults are an
 * election timeout of 1 s (each wait drawn from [1 s, 2 s)), a fetch timeout of 2 s, a fetch wait
 * of 500 ms and an election backoff of at most 1 s; the scenarios scale them down so that a short
 * run sees many elections. Build one with {@link #builder(int)}.
 *
 * @param voters how many voters there are (nodes {@code firstVoterId} on)
 * @param timers which rules start elections: KRaft's or the Raft paper's
 * @param electionTimeoutMinMicros each randomized election timeout is drawn uniformly from [min,
 *     max]
 * @param electionTimeoutMaxMicros see {@code electionTimeoutMinMicros}
 * @param fetchTimeoutMicros (KRaft timers) a follower that has not fetched successfully for this
 *     long campaigns
 * @param fetchMaxWaitMicros (KRaft timers) how long the leader holds a fetch that has nothing new
 * @param heartbeatIntervalMicros (Raft timers) how often the leader sends heartbeats; a fetch with
 *     nothing new is held until the next one
 * @param electionBackoffMaxMicros (KRaft timers, no pre-vote) the longest backoff after a failed
 *     election; the backoff unit is a tenth of it, as KRaft's 100 ms is of its 1 s default
 * @param maxFetchRecords the most entries one fetch response carries
 * @param preVote whether a node asks for pre-votes before it raises its epoch (KIP-996; Ongaro's
 *     dissertation §9.6)
 * @param checkQuorum whether a leader resigns when a majority has stopped fetching
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
    Timers timers,
    long electionTimeoutMinMicros,
    long electionTimeoutMaxMicros,
    long fetchTimeoutMicros,
    long fetchMaxWaitMicros,
    long heartbeatIntervalMicros,
    long electionBackoffMaxMicros,
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
    if (electionTimeoutMinMicros <= 0
        || fetchTimeoutMicros <= 0
        || fetchMaxWaitMicros <= 0
        || heartbeatIntervalMicros <= 0
        || electionBackoffMaxMicros <= 0) {
      throw new IllegalArgumentException("raft timeouts must be positive");
    }
    if (electionTimeoutMaxMicros < electionTimeoutMinMicros) {
      throw new IllegalArgumentException(
          "the election timeout range ends before it starts: "
              + electionTimeoutMinMicros
              + ".."
              + electionTimeoutMaxMicros
              + "us");
    }
    if (maxFetchRecords < 1) {
      throw new IllegalArgumentException("a fetch must be able to carry at least one record");
    }
    if (firstVoterId < 0) {
      throw new IllegalArgumentException("voter ids must not be negative");
    }
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

  /** A builder with the scenario's scaled KRaft defaults for {@code voters} voters. */
  public static Builder builder(int voters) {
    return new Builder(voters);
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(voters);
    b.timers = timers;
    b.electionMin = electionTimeoutMinMicros;
    b.electionMax = electionTimeoutMaxMicros;
    b.fetchTimeout = fetchTimeoutMicros;
    b.fetchWait = fetchMaxWaitMicros;
    b.heartbeat = heartbeatIntervalMicros;
    b.backoffMax = electionBackoffMaxMicros;
    b.maxFetchRecords = maxFetchRecords;
    b.preVote = preVote;
    b.checkQuorum = checkQuorum;
    b.readPath = readPath;
    b.epochStartRecord = epochStartRecord;
    b.bug = bug;
    b.firstVoterId = firstVoterId;
    return b;
  }

  /** How many voters make a majority. */
  public int majority() {
    return voters / 2 + 1;
  }

  /**
   * How long a fetch may go unanswered before the follower sends another. An answer normally comes
   * within one wait (the fetch wait, or a heartbeat interval) plus a round trip; answers to earlier
   * fetches still count, so a re-send never hides one. Under Raft timers heartbeats keep a follower
   * that lost its fetch from campaigning, and it tries again after two maximum election timeouts.
   */
  long fetchRetryMicros() {
    return timers == Timers.RAFT
        ? 2 * electionTimeoutMaxMicros
        : fetchMaxWaitMicros + fetchMaxWaitMicros / 2;
  }

  /**
   * A leader resigns when a majority has not fetched for this long: KIP-595's 1.5 fetch timeouts,
   * or the dissertation's (§6.2) minimum election timeout.
   */
  long checkQuorumMicros() {
    return timers == Timers.RAFT
        ? electionTimeoutMinMicros
        : fetchTimeoutMicros + fetchTimeoutMicros / 2;
  }

  /**
   * A voter that heard from its leader within this long refuses pre-votes: the fetch timeout
   * (KIP-996), or the minimum election timeout (the dissertation, §9.6).
   */
  long leaderFreshMicros() {
    return timers == Timers.RAFT ? electionTimeoutMinMicros : fetchTimeoutMicros;
  }

  /** Mutable staging for a {@link RaftConfig}; every setter returns the builder. */
  public static final class Builder {
    private final int voters;
    private Timers timers = Timers.KRAFT;
    private long electionMin = 150_000;
    private long electionMax = 300_000;
    private long fetchTimeout = 300_000;
    private long fetchWait = 150_000;
    private long heartbeat = 75_000;
    private long backoffMax = 150_000;
    private int maxFetchRecords = 16;
    private boolean preVote;
    private boolean checkQuorum = true;
    private ReadPath readPath = ReadPath.READ_INDEX;
    private boolean epochStartRecord;
    private RaftBug bug = RaftBug.NONE;
    private int firstVoterId;

    private Builder(int voters) {
      this.voters = voters;
    }

    public Builder timers(Timers t) {
      timers = t;
      return this;
    }

    /** Election timeouts drawn uniformly from [minMicros, maxMicros]. */
    public Builder electionTimeout(long minMicros, long maxMicros) {
      electionMin = minMicros;
      electionMax = maxMicros;
      return this;
    }

    public Builder fetchTimeout(long micros) {
      fetchTimeout = micros;
      return this;
    }

    public Builder fetchMaxWait(long micros) {
      fetchWait = micros;
      return this;
    }

    public Builder heartbeatInterval(long micros) {
      heartbeat = micros;
      return this;
    }

    public Builder electionBackoffMax(long micros) {
      backoffMax = micros;
      return this;
    }

    public Builder maxFetchRecords(int n) {
      maxFetchRecords = n;
      return this;
    }

    public Builder preVote(boolean on) {
      preVote = on;
      return this;
    }

    public Builder checkQuorum(boolean on) {
      checkQuorum = on;
      return this;
    }

    public Builder readPath(ReadPath p) {
      readPath = p;
      return this;
    }

    public Builder epochStartRecord(boolean on) {
      epochStartRecord = on;
      return this;
    }

    public Builder bug(RaftBug b) {
      bug = b;
      return this;
    }

    /** The voters are nodes {@code id} to {@code id + voters - 1} (default 0). */
    public Builder firstVoterId(int id) {
      firstVoterId = id;
      return this;
    }

    public RaftConfig build() {
      return new RaftConfig(
          voters,
          timers,
          electionMin,
          electionMax,
          fetchTimeout,
          fetchWait,
          heartbeat,
          backoffMax,
          maxFetchRecords,
          preVote,
          checkQuorum,
          readPath,
          epochStartRecord,
          bug,
          firstVoterId);
    }
  }
}
