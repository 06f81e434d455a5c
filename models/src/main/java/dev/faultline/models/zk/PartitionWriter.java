package dev.faultline.models.zk;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * How the ZooKeeper-mode controller changes partition states, as Kafka's partition and replica
 * state machines do: decide each partition's new leader, leader epoch and ISR from the cache, write
 * them to the store conditionally on each state znode's version (and, unless the zombie bug is on,
 * on the controller epoch's version: KAFKA-6082's fence), then tell the brokers. A partition whose
 * version moved is read again and decided again, a few times at most. An operation runs to its end
 * with the controller epoch it started with, even if the controller learns meanwhile that it was
 * replaced: that is what let a zombie controller write before KAFKA-6082.
 */
final class PartitionWriter {
  /** A decision for one partition: fills {@code out} with leader, leader epoch, ISR mask. */
  interface Decision {
    /** Returns false when partition {@code p} needs no change. */
    boolean decide(PartitionTable cache, int p, int[] out);
  }

  /** What an operation started with: its epoch and its view, kept to its end. */
  record Context(
      int controllerEpoch, int epochVersion, PartitionTable cache, long[] live, ZkClient client) {}

  private static final int MAX_ATTEMPTS = 4;

  private final ZkConfig config;
  private final BrokerChannels channels;
  private final Runnable onControllerMoved;

  PartitionWriter(ZkConfig config, BrokerChannels channels, Runnable onControllerMoved) {
    this.config = config;
    this.channels = channels;
    this.onControllerMoved = onControllerMoved;
  }

  /** Decides and writes {@code partitions}; {@code done} gets those written. */
  void write(Context c, int[] partitions, Decision decision, Consumer<int[]> done) {
    write(c, partitions, decision, done, 1);
  }

  private void write(
      Context c, int[] partitions, Decision decision, Consumer<int[]> done, int attempt) {
    int n = 0;
    int[] which = new int[partitions.length];
    int[] leaders = new int[partitions.length];
    int[] epochs = new int[partitions.length];
    int[] isrs = new int[partitions.length];
    int[] expected = new int[partitions.length];
    int[] out = new int[3];
    for (int p : partitions) {
      if (decision.decide(c.cache(), p, out)) {
        which[n] = p;
        leaders[n] = out[0];
        epochs[n] = out[1];
        isrs[n] = out[2];
        expected[n] = c.cache().version(p);
        n++;
      }
    }
    if (n == 0) {
      done.accept(new int[0]);
      return;
    }
    int count = n;
    ZkOp.SetPartitions op =
        new ZkOp.SetPartitions(
            c.controllerEpoch(),
            config.zombieBug() ? -1 : c.epochVersion(),
            Arrays.copyOf(which, n),
            Arrays.copyOf(expected, n),
            Arrays.copyOf(leaders, n),
            Arrays.copyOf(epochs, n),
            Arrays.copyOf(isrs, n));
    c.client()
        .request(
            op,
            r -> {
              if (r instanceof ZkResult.Written w) {
                written(c, op, w.newVersions(), count, decision, done, attempt);
              } else if (r instanceof ZkResult.ControllerMoved) {
                onControllerMoved.run(); // another controller was elected: stop here
              }
            });
  }

  private void written(
      Context c,
      ZkOp.SetPartitions op,
      int[] versions,
      int n,
      Decision decision,
      Consumer<int[]> done,
      int attempt) {
    int ok = 0;
    int bad = 0;
    int[] okPartitions = new int[n];
    int[] badPartitions = new int[n];
    for (int i = 0; i < n; i++) {
      int p = op.partitions()[i];
      if (versions[i] >= 0) {
        c.cache().set(p, op.leaders()[i], op.leaderEpochs()[i], op.isrs()[i], versions[i]);
        okPartitions[ok++] = p;
      } else {
        badPartitions[bad++] = p;
      }
    }
    int[] changed = Arrays.copyOf(okPartitions, ok);
    send(c, changed);
    if (bad > 0 && attempt < MAX_ATTEMPTS) {
      int[] retry = Arrays.copyOf(badPartitions, bad);
      c.client()
          .request(
              new ZkOp.ReadPartitions(retry, config.totalPartitions()),
              r -> {
                ZkResult.Rows rows = (ZkResult.Rows) r;
                for (int i = 0; i < rows.partitions().length; i++) {
                  c.cache()
                      .set(
                          rows.partitions()[i],
                          rows.leaders()[i],
                          rows.leaderEpochs()[i],
                          rows.isrs()[i],
                          rows.versions()[i]);
                }
                write(c, retry, decision, more -> done.accept(concat(changed, more)), attempt + 1);
              });
      return;
    }
    done.accept(changed);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Tells every live broker the new states of {@code partitions}. */
  void send(Context c, int[] partitions) {
    if (partitions.length == 0) {
      return;
    }
    send(c.controllerEpoch(), c.cache(), partitions, c.live());
  }

  void send(int controllerEpoch, PartitionTable cache, int[] partitions, long[] live) {
    int n = partitions.length;
    int[] leaders = new int[n];
    int[] epochs = new int[n];
    int[] isrs = new int[n];
    int[] versions = new int[n];
    for (int i = 0; i < n; i++) {
      int p = partitions[i];
      leaders[i] = cache.leader(p);
      epochs[i] = cache.leaderEpoch(p);
      isrs[i] = cache.isrMask(p);
      versions[i] = cache.version(p);
    }
    int[] which = partitions.clone();
    for (int b = 0; b < live.length; b++) {
      if (live[b] >= 0) {
        channels.send(
            b,
            new ZkControllerMessage.LeaderAndIsr(
                channels.nextSeq(), controllerEpoch, which, leaders, epochs, isrs, versions));
      }
    }
  }
}
