package dev.faultline.models.raft;

import java.util.Map;
import java.util.TreeMap;

/**
 * The key-value state machine applied from committed log entries, with one session per client: a
 * command whose sequence number the session has already applied is not applied again, and its first
 * result is answered instead. Each client runs one command at a time, so a session keeps only its
 * last result.
 */
public final class KvStateMachine {
  /** What applying a command gave: the status and, for reads, the value (null: absent). */
  public record Result(KvMessage.Status status, Long value) {}

  private record Session(long seq, Result result) {}

  private final Map<Long, Long> values = new TreeMap<>();
  private final Map<Long, Session> sessions = new TreeMap<>();
  private long applied;

  /** How many log entries have been applied. */
  public long appliedOffset() {
    return applied;
  }

  /** The value of {@code key} in the applied state, or null. */
  public Long read(long key) {
    return values.get(key);
  }

  /** The result already recorded for this session's {@code seq}, or null if it has not applied. */
  Result resultOf(long client, long seq) {
    Session s = sessions.get(client);
    return s != null && s.seq() == seq ? s.result() : null;
  }

  /**
   * Applies the entry at the applied offset; returns its result, or null for non-client entries.
   */
  Result apply(LogEntry e) {
    if (e.offset() != applied) {
      throw new IllegalStateException("applying offset " + e.offset() + " at " + applied);
    }
    applied++;
    if (!(e.command() instanceof Command.ClientCommand c)) {
      return null;
    }
    Session s = sessions.get(c.client());
    if (s != null && c.seq() <= s.seq()) {
      return c.seq() == s.seq() ? s.result() : null; // a retry: answer, do not apply again
    }
    Result r = execute(c);
    sessions.put(c.client(), new Session(c.seq(), r));
    return r;
  }

  private Result execute(Command.ClientCommand c) {
    if (c instanceof Command.Put p) {
      values.put(p.key(), p.value());
      return new Result(KvMessage.Status.OK, null);
    }
    if (c instanceof Command.Cas cas) {
      Long current = values.get(cas.key());
      if (current == null || current != cas.expected()) {
        return new Result(KvMessage.Status.CAS_MISMATCH, current);
      }
      values.put(cas.key(), cas.value());
      return new Result(KvMessage.Status.OK, null);
    }
    return new Result(KvMessage.Status.OK, values.get(c.key()));
  }
}
