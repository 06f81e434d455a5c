package dev.faultline.scenarios.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trade-off matrix of docs/teaching.md, one line per cell. The expectations restate the oracle
 * tests and tables this project already holds (KafkaOracleTest and docs/kafka.md's oracle; the
 * fsync cell and the key-reorder table of docs/kafka.md; KafkaTxnOracleTest and its teaching cells;
 * DynamoOracleTest and docs/dynamo.md's table; RaftKvBugTest and docs/raft.md's bug flags;
 * BatchOracleTest and docs/batch.md's table), and issue 15's cells for the consumer pipeline, whose
 * scenario may not be in this build: the matrix skips a cell whose scenario is missing and says so.
 *
 * <p>Columns: the group ({@code SECTION/FAULT}; its first cell is the baseline every other cell of
 * the group is paired with, seed by seed), the configuration's label, the scenario, the knobs, and
 * the expectations: {@code +lost} must occur in some seed, {@code +G1a/lost} one of them must,
 * {@code -lost} must occur in none. {@code $NAME} stands for the text {@link #MACROS} gives it. A
 * text block, so that the formatter keeps one cell to a line: a new cell is one more line.
 */
public final class MatrixCells {
  /** Shorthands of the table, expanded in this order (a later one may use an earlier one). */
  private static final Map<String, String> MACROS = macros();

  private static Map<String, String> macros() {
    Map<String, String> m = new LinkedHashMap<>();
    // A Kafka run must never break the log's invariants, miss its final read, or show a class the
    // checker calls a bug of the model (poll-skip, nonmonotonic-poll: "other").
    m.put("$KAFKA", "-other -invariants -liveness -undecided");
    m.put("$SAFE", "-lost -inconsistent -duplicate -reorder $KAFKA");
    m.put("$ACKS1", "acks=1 enable.idempotence=false max.in.flight.requests.per.connection=5");
    m.put(
        "$UNCLEAN", "min.insync.replicas=1 unclean.leader.election.enable=true stale-replica=true");
    // kafka-txn cells run a 1.5 s fault phase, as KafkaTxnOracleTest does, to stay short.
    m.put("$SHORT", "duration-ms=1500 liveness-ms=2500");
    m.put("$TXN", "$SHORT transaction.timeout.ms=500");
    m.put(
        "$NOTXN",
        "-duplicate -zombie-write -nonmonotonic-lso -reorder -other -invariants -liveness"
            + " -undecided");
    m.put("$EXACT", "-lost -G1a -torn-transaction $NOTXN");
    m.put("$DYNAMO", "-liveness -handoff -undecided");
    m.put("$RAFT", "-liveness -undecided");
    // kafka-pipeline: the pipeline drained, no read out of order within an assignment. With a
    // transactional commit the output topic is the effect (a sink is outside the transaction).
    m.put("$PIPE", "-undrained -poll-skip -nonmonotonic-poll -invariants -liveness -undecided");
    // batch-backfill's interval check: an interval's output is one processing of its input.
    m.put("$BATCH", "-missing -foreign -liveness -undecided");
    return Collections.unmodifiableMap(m);
  }

  private static final String TABLE =
      """
      kafka/leader-crash         | defaults             | kafka-produce  | fault=leader-crash                          | +unavailable $SAFE
      kafka/leader-crash         | acks=0               | kafka-produce  | acks=0 fault=leader-crash                   | +lost -duplicate -reorder $KAFKA
      kafka/leader-crash         | acks=1               | kafka-produce  | $ACKS1 fault=leader-crash                   | +lost -duplicate $KAFKA
      kafka/leader-crash         | unclean              | kafka-produce  | $UNCLEAN fault=leader-crash                 | +lost +inconsistent -duplicate -reorder $KAFKA
      kafka/leader-isolated      | defaults             | kafka-produce  | fault=leader-isolated                       | +unavailable $SAFE
      kafka/leader-isolated      | acks=0               | kafka-produce  | acks=0 fault=leader-isolated                | +lost -duplicate -reorder $KAFKA
      kafka/leader-isolated      | acks=1               | kafka-produce  | $ACKS1 fault=leader-isolated                | +lost -duplicate $KAFKA
      kafka/leader-isolated      | unclean              | kafka-produce  | $UNCLEAN fault=leader-isolated              | +lost -duplicate -reorder $KAFKA
      kafka/loss                 | defaults             | kafka-produce  | fault=loss                                  | $SAFE
      kafka/loss                 | acks=0               | kafka-produce  | acks=0 fault=loss                           | +lost -duplicate -reorder $KAFKA
      kafka/loss                 | acks=1               | kafka-produce  | $ACKS1 fault=loss                           | +duplicate +reorder -lost -inconsistent $KAFKA
      kafka/duplicate            | defaults             | kafka-produce  | fault=duplicate                             | $SAFE
      kafka/duplicate            | acks=0               | kafka-produce  | acks=0 fault=duplicate                      | +duplicate -lost -inconsistent -reorder $KAFKA
      kafka/duplicate            | acks=1               | kafka-produce  | $ACKS1 fault=duplicate                      | +duplicate -lost -inconsistent -reorder $KAFKA
      kafka/timeout-retry        | defaults             | kafka-produce  | fault=timeout-retry                         | $SAFE
      kafka/timeout-retry        | acks=1               | kafka-produce  | $ACKS1 fault=timeout-retry                  | +duplicate +reorder -lost -inconsistent $KAFKA
      kafka/two-failovers        | defaults             | kafka-produce  | max-down=2 fault=two-failovers              | $SAFE
      kafka/two-failovers        | truncate-to-hw bug   | kafka-produce  | bug=truncate-to-high-watermark max-down=2 fault=two-failovers | +lost -duplicate -reorder $KAFKA
      kafka/power-loss           | flush.messages=1     | kafka-produce  | max-down=3 fault=power-loss                 | $SAFE
      kafka/power-loss           | flush.messages=0     | kafka-produce  | flush.messages=0 max-down=3 fault=power-loss | +lost $KAFKA
      kafka-keys/timeout-retry   | defaults             | kafka-produce  | keys=4 fault=timeout-retry                  | -key-reorder $SAFE
      kafka-keys/timeout-retry   | acks=1 in-flight=5   | kafka-produce  | keys=4 $ACKS1 fault=timeout-retry           | +key-reorder -lost -inconsistent $KAFKA
      kafka-keys/timeout-retry   | acks=1 in-flight=1   | kafka-produce  | keys=4 $ACKS1 max.in.flight.requests.per.connection=1 fault=timeout-retry | -key-reorder -lost -inconsistent $KAFKA
      kafka-txn/generated        | v2 read_committed    | kafka-txn      | $TXN fault=generated                        | $EXACT
      kafka-txn/leader-crash     | v2 read_committed    | kafka-txn      | $TXN fault=leader-crash                     | $EXACT
      kafka-txn/leader-crash     | read_uncommitted     | kafka-txn      | $TXN isolation.level=read_uncommitted fault=leader-crash | +G1a -lost -torn-transaction $NOTXN
      kafka-txn/leader-isolated  | v2 read_committed    | kafka-txn      | $TXN fault=leader-isolated                  | $EXACT
      kafka-txn/loss             | v2 read_committed    | kafka-txn      | $TXN fault=loss                             | $EXACT
      kafka-txn/duplicate        | v2 read_committed    | kafka-txn      | $TXN fault=duplicate                        | $EXACT
      kafka-txn/timeout-retry    | v2 read_committed    | kafka-txn      | $TXN fault=timeout-retry                    | $EXACT
      kafka-txn/coordinator-crash | v2 read_committed   | kafka-txn      | $TXN fault=coordinator-crash                | $EXACT
      kafka-txn/zombie-producer  | v2 read_committed    | kafka-txn      | $TXN fault=zombie-producer                  | +fenced $EXACT
      kafka-txn/delayed-request  | v2 read_committed    | kafka-txn      | $TXN fault=delayed-txn-request              | $EXACT
      kafka-txn/delayed-request  | transaction.version=0 | kafka-txn     | $SHORT transaction.version=0 fault=delayed-txn-request | +G1a/lost/torn-transaction $NOTXN
      pipeline/crash-between     | transactional        | kafka-pipeline | commit=transactional fault=crash-between-process-and-commit | -lost -duplicate $PIPE
      pipeline/crash-between     | before-processing    | kafka-pipeline | commit=before-processing sink=append fault=crash-between-process-and-commit | +lost -duplicate $PIPE
      pipeline/crash-between     | after-processing     | kafka-pipeline | commit=after-processing sink=append fault=crash-between-process-and-commit | +duplicate -lost $PIPE
      pipeline/crash-between     | auto                 | kafka-pipeline | commit=auto sink=append fault=crash-between-process-and-commit | +duplicate -lost $PIPE
      pipeline/crash-between     | after, idempotent sink | kafka-pipeline | commit=after-processing sink=idempotent fault=crash-between-process-and-commit | -lost -duplicate $PIPE
      pipeline/zombie-consumer   | transactional        | kafka-pipeline | commit=transactional fault=zombie-consumer | -lost -duplicate $PIPE
      backfill/generated         | overwrite-partition  | batch-backfill | write=overwrite-partition                   | -duplicate $BATCH
      backfill/generated         | append               | batch-backfill | write=append                                | +duplicate $BATCH
      backfill/crash-during-write | overwrite-partition | batch-backfill | fault=crash-during-write                    | -duplicate $BATCH
      backfill/crash-during-write | append              | batch-backfill | fault=crash-during-write write=append       | +duplicate $BATCH
      backfill/zombie-worker     | overwrite-partition  | batch-backfill | fault=zombie-worker                         | -duplicate $BATCH
      backfill/zombie-worker     | append               | batch-backfill | fault=zombie-worker write=append            | +duplicate $BATCH
      backfill/backfill=3..5     | overwrite-partition  | batch-backfill | backfill=3..5                               | -duplicate $BATCH
      backfill/backfill=3..5     | append               | batch-backfill | backfill=3..5 write=append                  | +duplicate $BATCH
      backfill/scheduler-downtime | catchup              | batch-backfill | fault=scheduler-downtime                   | -missing -duplicate -foreign -liveness -undecided
      backfill/scheduler-downtime | no catchup           | batch-backfill | fault=scheduler-downtime catchup=false     | +missing -duplicate -foreign -liveness -undecided
      dynamo/replica-crash       | strict vclock R2W2   | dynamo-kv      | quorum=strict versioning=vclock fault=replica-crash | -stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/replica-crash       | sloppy vclock R2W2   | dynamo-kv      | quorum=sloppy versioning=vclock fault=replica-crash | -stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/replica-crash       | sloppy lww R2W2      | dynamo-kv      | quorum=sloppy versioning=lww fault=replica-crash | -stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/replica-crash       | sloppy vclock R1W1   | dynamo-kv      | quorum=sloppy versioning=vclock r=1 w=1 fault=replica-crash | +stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/replica-crash       | sloppy lww R1W1      | dynamo-kv      | quorum=sloppy versioning=lww r=1 w=1 fault=replica-crash | +stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/partition           | strict vclock R2W2   | dynamo-kv      | quorum=strict versioning=vclock fault=partition | +unavailable +siblings -stale-read -lost-write $DYNAMO
      dynamo/partition           | sloppy vclock R2W2   | dynamo-kv      | quorum=sloppy versioning=vclock fault=partition | +stale-read +siblings -lost-write -unavailable $DYNAMO
      dynamo/partition           | sloppy lww R2W2      | dynamo-kv      | quorum=sloppy versioning=lww fault=partition | +stale-read +lost-write -unavailable -siblings $DYNAMO
      dynamo/partition           | sloppy vclock R1W1   | dynamo-kv      | quorum=sloppy versioning=vclock r=1 w=1 fault=partition | +stale-read +siblings -lost-write -unavailable $DYNAMO
      dynamo/partition           | sloppy lww R1W1      | dynamo-kv      | quorum=sloppy versioning=lww r=1 w=1 fault=partition | +stale-read +lost-write -unavailable -siblings $DYNAMO
      dynamo/concurrent-writes   | strict vclock R2W2   | dynamo-kv      | quorum=strict versioning=vclock fault=concurrent-writes | +siblings -stale-read -lost-write -unavailable $DYNAMO
      dynamo/concurrent-writes   | sloppy vclock R2W2   | dynamo-kv      | quorum=sloppy versioning=vclock fault=concurrent-writes | +siblings -stale-read -lost-write -unavailable $DYNAMO
      dynamo/concurrent-writes   | sloppy lww R2W2      | dynamo-kv      | quorum=sloppy versioning=lww fault=concurrent-writes | +lost-write -stale-read -unavailable -siblings $DYNAMO
      dynamo/concurrent-writes   | sloppy vclock R1W1   | dynamo-kv      | quorum=sloppy versioning=vclock r=1 w=1 fault=concurrent-writes | +stale-read +siblings -lost-write -unavailable $DYNAMO
      dynamo/concurrent-writes   | sloppy lww R1W1      | dynamo-kv      | quorum=sloppy versioning=lww r=1 w=1 fault=concurrent-writes | +stale-read +lost-write -unavailable -siblings $DYNAMO
      dynamo/clock-skew          | strict vclock R2W2   | dynamo-kv      | quorum=strict versioning=vclock fault=clock-skew | -stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/clock-skew          | sloppy vclock R2W2   | dynamo-kv      | quorum=sloppy versioning=vclock fault=clock-skew | -stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/clock-skew          | sloppy lww R2W2      | dynamo-kv      | quorum=sloppy versioning=lww fault=clock-skew | +stale-read +lost-write -unavailable -siblings $DYNAMO
      dynamo/clock-skew          | sloppy vclock R1W1   | dynamo-kv      | quorum=sloppy versioning=vclock r=1 w=1 fault=clock-skew | +stale-read -lost-write -unavailable -siblings $DYNAMO
      dynamo/clock-skew          | sloppy lww R1W1      | dynamo-kv      | quorum=sloppy versioning=lww r=1 w=1 fault=clock-skew | +stale-read +lost-write -unavailable -siblings $DYNAMO
      raft/generated             | no bug               | raft-kv        |                                             | -linearizable -invariants $RAFT
      raft/generated             | stale-leader-read    | raft-kv        | bug=stale-leader-read                       | +linearizable -invariants $RAFT
      raft/generated             | vote-without-log-check | raft-kv      | bug=vote-without-log-check                  | +CommittedLogIntact -SingleLeaderPerEpoch $RAFT
      raft/generated             | commit-previous-epoch | raft-kv       | bug=commit-previous-epoch                   | +CommittedLogIntact -SingleLeaderPerEpoch $RAFT
      raft/generated             | vote-not-persisted   | raft-kv        | bug=vote-not-persisted                      | +SingleLeaderPerEpoch -CommittedLogIntact $RAFT
      raft/epoch-start-record    | commit-previous-epoch | raft-kv       | bug=commit-previous-epoch                   | +CommittedLogIntact -SingleLeaderPerEpoch $RAFT
      raft/epoch-start-record    | + epoch-start-record | raft-kv        | bug=commit-previous-epoch epoch-start-record=true | -invariants $RAFT
      raft/pre-vote              | vote-not-persisted   | raft-kv        | bug=vote-not-persisted                      | +SingleLeaderPerEpoch -CommittedLogIntact $RAFT
      raft/pre-vote              | + pre-vote           | raft-kv        | bug=vote-not-persisted pre-vote=true        | -invariants $RAFT
      """;

  private static final List<MatrixCell> CELLS = parse(TABLE);

  private MatrixCells() {}

  /** Every cell, in the order the table lists them. */
  public static List<MatrixCell> all() {
    return CELLS;
  }

  static List<MatrixCell> parse(String table) {
    List<MatrixCell> cells = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String expanded = line;
      List<String> names = new ArrayList<>(MACROS.keySet());
      // Longest first, so that $TXN never eats the start of a longer name; repeated until no
      // shorthand is left, since one may use another.
      names.sort((a, b) -> b.length() - a.length());
      for (int pass = 0; pass < 4 && expanded.contains("$"); pass++) {
        for (String n : names) {
          expanded = expanded.replace(n, MACROS.get(n));
        }
      }
      String[] col = expanded.split("\\|", -1);
      if (col.length != 5 || expanded.contains("$")) {
        throw new IllegalStateException("a matrix line is not 5 columns: " + line);
      }
      cells.add(
          MatrixCell.parse(
              col[0].strip(), col[1].strip(), col[2].strip(), col[3].strip(), col[4].strip()));
    }
    return List.copyOf(cells);
  }
}
