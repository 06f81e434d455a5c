package dev.faultline.checker.delivery;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a history says about transactions, beyond its sends and polls: the transactions and their
 * members ({@code txn}), which producer instance holds a transactional id from when ({@code init}),
 * and the last stable offsets consumers were told ({@code lso}).
 *
 * @param txns every completed {@code txn}, in completion order
 * @param inits every {@code init} that completed ok, in completion order
 * @param lsos every {@code lso} that completed ok, in completion order
 */
record TransactionHistory(List<Txn> txns, List<Init> inits, List<LsoRead> lsos) {

  static final String TXN = "txn";
  static final String INIT = "init";
  static final String LSO = "lso";

  TransactionHistory {
    txns = List.copyOf(txns);
    inits = List.copyOf(inits);
    lsos = List.copyOf(lsos);
  }

  static boolean reads(String f) {
    return f.equals(TXN) || f.equals(INIT) || f.equals(LSO);
  }

  /**
   * A transaction: committed (ok), aborted (fail) or unknown (info).
   *
   * @param members its sends as [partition value], in the order they were sent
   */
  record Txn(OpRef op, SendAttempt.Outcome outcome, List<Member> members) {
    Txn {
      members = List.copyOf(members);
    }
  }

  /** One send of a transaction. */
  record Member(Object partition, Object value) {}

  /** A producer instance finished {@code initTransactions} for {@code transactionalId}. */
  record Init(OpRef op, Object transactionalId) {}

  /** A consumer was told the last stable offset of a partition. */
  record LsoRead(OpRef op, Object partition, long lso) {}

  /** Collects the transaction operations as the history reader meets their completions. */
  static final class Collector {
    private final List<Txn> txns = new ArrayList<>();
    private final List<Init> inits = new ArrayList<>();
    private final List<LsoRead> lsos = new ArrayList<>();

    /**
     * Takes a completed {@code txn}, {@code init} or {@code lso}; {@code where} names the entry for
     * errors.
     */
    void complete(OpRef ref, OpType type, Object invokedKey, Object result, String where) {
      switch (ref.f()) {
        case TXN -> {
          if (type != OpType.INFO || result instanceof List<?>) {
            txns.add(new Txn(ref, outcome(type), members(result, where)));
          } else {
            txns.add(new Txn(ref, outcome(type), List.of()));
          }
        }
        case INIT -> {
          if (type == OpType.OK) {
            if (invokedKey == null) {
              throw HistoryException.at(where, "init needs the transactional id as its key.");
            }
            inits.add(new Init(ref, invokedKey));
          }
        }
        default -> {
          if (type == OpType.OK) {
            if (invokedKey == null || !(result instanceof Long lso)) {
              throw HistoryException.at(
                  where, "an lso completes with the partition as key and an offset as value.");
            }
            lsos.add(new LsoRead(ref, invokedKey, lso));
          }
        }
      }
    }

    TransactionHistory build() {
      return new TransactionHistory(txns, inits, lsos);
    }

    private static SendAttempt.Outcome outcome(OpType type) {
      return switch (type) {
        case OK -> SendAttempt.Outcome.ACKNOWLEDGED;
        case FAIL -> SendAttempt.Outcome.FAILED;
        default -> SendAttempt.Outcome.INDETERMINATE;
      };
    }

    private static List<Member> members(Object result, String where) {
      if (result == null) {
        return List.of();
      }
      if (!(result instanceof List<?> list)) {
        throw HistoryException.at(
            where, "a txn completes with its sends as [[partition value] ...].");
      }
      List<Member> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof List<?> pair) || pair.size() != 2 || pair.contains(null)) {
          throw HistoryException.at(
              where, "a transaction's send must be [partition value], not " + o + ".");
        }
        out.add(new Member(pair.get(0), pair.get(1)));
      }
      return out;
    }
  }
}
