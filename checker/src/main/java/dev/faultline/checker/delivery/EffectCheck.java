package dev.faultline.checker.delivery;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Effects per input record of a consume-transform-produce pipeline: every record of the source
 * topic should have exactly one effect downstream (a row in the sink, or a record in the output
 * topic as a read_committed reader finally reads it). None is a {@code lost} record, more than one
 * a {@code duplicated} one; each anomaly names the record, its offset, and the consumers and
 * generations that polled and processed it. The run is classified exactly-once, at-least-once,
 * at-most-once or none.
 *
 * <p>The history it reads: the pipeline consumers' {@code assign} (key: the generation), {@code
 * poll} (key: the partition, value {@code [[offset value] ...]}) and {@code process} (key: the
 * partition, value {@code [offset value generation]}) operations, and the reader's final read (its
 * polls after its last {@code assign}) of the source partitions {@code 0..sourcePartitions-1} and
 * the output partitions above them, where an input value's output carries the same value.
 */
public final class EffectCheck {
  private EffectCheck() {}

  /** A record of the source topic. */
  public record Input(long partition, long offset, long value) {}

  /** A consumer polled (and perhaps processed) an input record in a generation. */
  public record Handling(
      String consumer,
      long generation,
      long partition,
      long offset,
      long value,
      boolean processed) {
    @Override
    public String toString() {
      return consumer + " in generation " + generation + (processed ? "" : " (polled only)");
    }
  }

  /** What went wrong with one input record. */
  public enum Kind {
    /** No effect. */
    LOST("lost"),
    /** More than one effect. */
    DUPLICATED("duplicate");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One input record with no effect or several, and who handled it. */
  public record Anomaly(Kind kind, Input input, int effects, List<Handling> handlings) {
    public Anomaly {
      handlings = List.copyOf(handlings);
    }

    /** One line for a reader. */
    public String description() {
      String who = handlings.isEmpty() ? "never polled" : "handled by " + handlings;
      return kind.label()
          + ": record "
          + input.value()
          + " (partition "
          + input.partition()
          + ", offset "
          + input.offset()
          + ") has "
          + effects
          + (effects == 1 ? " effect; " : " effects; ")
          + who;
    }
  }

  /** The anomalies, how many input records, and the guarantee the run showed. */
  public record Report(List<Anomaly> anomalies, long inputs, long lost, long duplicated) {
    public Report {
      anomalies = List.copyOf(anomalies);
    }

    public DeliveryGuarantee guarantee() {
      return DeliveryGuarantee.of(lost > 0, duplicated > 0);
    }
  }

  /**
   * Checks {@code ops}.
   *
   * @param consumers the pipeline consumers' processes
   * @param names the processes' names
   * @param reader the process whose final read gives the source and output topics
   * @param sourcePartitions the source partitions are 0..sourcePartitions-1
   * @param sinkEffects effects per input value when a sink is the effect; null: the output topic
   */
  public static Report check(
      List<Op> ops,
      Set<Long> consumers,
      Map<Long, String> names,
      long reader,
      int sourcePartitions,
      SortedMap<Long, Integer> sinkEffects) {
    List<Input> inputs = new ArrayList<>();
    SortedMap<Long, Integer> outputs = new TreeMap<>();
    finalRead(ops, reader, sourcePartitions, inputs, outputs);
    SortedMap<Long, Integer> effects = sinkEffects == null ? outputs : sinkEffects;
    Map<Long, List<Handling>> handled = handlings(ops, consumers, names);
    List<Anomaly> out = new ArrayList<>();
    long lost = 0;
    long duplicated = 0;
    for (Input in : inputs) {
      int n = effects.getOrDefault(in.value(), 0);
      List<Handling> who = handled.getOrDefault(in.value(), List.of());
      if (n == 0) {
        lost++;
        out.add(new Anomaly(Kind.LOST, in, 0, who));
      } else if (n > 1) {
        duplicated++;
        out.add(new Anomaly(Kind.DUPLICATED, in, n, who));
      }
    }
    return new Report(out, inputs.size(), lost, duplicated);
  }

  /** The reader's polls after its last assign: inputs below sourcePartitions, outputs above. */
  private static void finalRead(
      List<Op> ops,
      long reader,
      int sourcePartitions,
      List<Input> inputs,
      SortedMap<Long, Integer> outputs) {
    int start = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.process() == reader && op.type() == OpType.OK && op.f().equals("assign")) {
        start = i + 1;
      }
    }
    Map<Long, Long> seen = new TreeMap<>(); // value -> partition, to skip a re-read
    for (Op op : ops.subList(start, ops.size())) {
      if (op.process() != reader || op.type() != OpType.OK || !op.f().equals("poll")) {
        continue;
      }
      long partition = ((Number) op.key()).longValue();
      for (Object o : (List<?>) op.value()) {
        List<?> pair = (List<?>) o;
        long offset = ((Number) pair.get(0)).longValue();
        long value = ((Number) pair.get(1)).longValue();
        if (partition < sourcePartitions) {
          if (seen.put(value, partition) == null) {
            inputs.add(new Input(partition, offset, value));
          }
        } else {
          outputs.merge(value, 1, Integer::sum);
        }
      }
    }
    inputs.sort(
        (a, b) ->
            a.partition() != b.partition()
                ? Long.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
  }

  /** Who polled and processed each input value, in history order. */
  private static Map<Long, List<Handling>> handlings(
      List<Op> ops, Set<Long> consumers, Map<Long, String> names) {
    Map<Long, Long> generation = new TreeMap<>();
    Map<Long, List<Handling>> out = new TreeMap<>();
    for (Op op : ops) {
      if (!consumers.contains(op.process()) || op.type() != OpType.OK) {
        continue;
      }
      String name = names.getOrDefault(op.process(), "process " + op.process());
      long gen = generation.getOrDefault(op.process(), -1L);
      switch (op.f()) {
        case "assign" -> {
          if (op.key() instanceof Number n) {
            generation.put(op.process(), n.longValue());
          }
        }
        case "poll" -> {
          long partition = ((Number) op.key()).longValue();
          for (Object o : (List<?>) op.value()) {
            List<?> pair = (List<?>) o;
            long offset = ((Number) pair.get(0)).longValue();
            long value = ((Number) pair.get(1)).longValue();
            out.computeIfAbsent(value, v -> new ArrayList<>())
                .add(new Handling(name, gen, partition, offset, value, false));
          }
        }
        case "process" -> {
          List<?> v = (List<?>) op.value();
          long offset = ((Number) v.get(0)).longValue();
          long value = ((Number) v.get(1)).longValue();
          long g = ((Number) v.get(2)).longValue();
          List<Handling> mine = out.computeIfAbsent(value, x -> new ArrayList<>());
          Handling polled =
              new Handling(name, g, ((Number) op.key()).longValue(), offset, value, false);
          int i = mine.lastIndexOf(polled);
          Handling done = new Handling(name, g, polled.partition(), offset, value, true);
          if (i >= 0) {
            mine.set(i, done);
          } else {
            mine.add(done);
          }
        }
        default -> {}
      }
    }
    return out;
  }
}
