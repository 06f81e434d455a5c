package dev.faultline.examples.pb;

import dev.faultline.sim.Message;

/** The messages of the primary-backup store: clients to the primary, the primary to backups. */
public sealed interface PbMessage extends Message {
  /** A client's read ({@code value} null) or write; {@code reqId} grows per client. */
  record Request(long client, long reqId, long key, Long value) implements PbMessage {
    boolean write() {
      return value != null;
    }
  }

  /** The answer to request {@code reqId}: a read's value (null: never written), or the write's. */
  record Reply(long reqId, Long value) implements PbMessage {}

  /** One write, the {@code seq}-th of the primary's {@code epoch}, and the state after it. */
  record Replicate(long epoch, long seq, State state) implements PbMessage {}

  /** A backup holds the state of ({@code epoch}, {@code seq}) durably. */
  record Ack(long epoch, long seq) implements PbMessage {}

  /** A restarted primary asks each backup what it holds. */
  record StateRequest() implements PbMessage {}

  /** What a backup holds: the state of ({@code epoch}, {@code seq}). */
  record StateReply(long epoch, long seq, State state) implements PbMessage {}
}
