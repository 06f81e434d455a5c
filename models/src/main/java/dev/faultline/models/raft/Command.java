package dev.faultline.models.raft;

/**
 * What a log entry carries: a leader's start-of-epoch marker or a client's key-value command.
 * Client commands name their session ({@code client}, {@code seq}) so that a retried command
 * applies once.
 */
public sealed interface Command {
  /** The first entry of every epoch, appended by its leader (KRaft's LeaderChange record). */
  record LeaderChange(int leader) implements Command {}

  /**
   * A record of an application served above the log instead of the key-value store (the KRaft
   * metadata records, the ZooKeeper-like store's transactions). The key-value state machine skips
   * it; the application reads it from the log.
   */
  non-sealed interface AppRecord extends Command {}

  /** A command from a client session. */
  sealed interface ClientCommand extends Command {
    long client();

    long seq();

    long key();
  }

  /** Sets {@code key} to {@code value}. */
  record Put(long client, long seq, long key, long value) implements ClientCommand {}

  /** Sets {@code key} to {@code value} if it holds {@code expected}. */
  record Cas(long client, long seq, long key, long expected, long value) implements ClientCommand {}

  /** Reads {@code key}; through the log when the read path says so. */
  record Get(long client, long seq, long key) implements ClientCommand {}
}
