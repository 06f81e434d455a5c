package dev.faultline.scenarios.bench;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code faultline bench checker}: the linearizability checker on Porcupine's histories, the items
 * Porcupine's own benchmarks time, and on generated wide histories ({@link WideRows}). Histories
 * are parsed first; only the check is timed, in a warm JVM, as the median of several repetitions
 * (wall time, and the checking thread's CPU time, which a busy machine disturbs less). Memory is
 * the bytes the checking thread allocated during one check, and the peak heap occupancy above the
 * post-GC baseline during one check (an upper bound: the sum of each heap pool's peak).
 */
public final class CheckerBench implements Benchmark {
  @Override
  public String name() {
    return "checker";
  }

  @Override
  public String description() {
    return "linearizability check time and memory on Porcupine's etcd and kv histories and on"
        + " generated wide histories, and how closely a time limit is kept";
  }

  /** One timed item: histories checked together, each with its own model and options. */
  private record Item(
      String name, List<HistoryFile> files, String model, boolean partition, int reps) {}

  @Override
  public void run(PrintWriter out, Path projectRoot) throws Exception {
    Path dir =
        projectRoot.resolve("..").resolve("shared").resolve("histories").resolve("porcupine");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "the golden histories are missing: expected " + dir.normalize());
    }
    List<HistoryFile> etcd = new ArrayList<>();
    long parseStart = System.nanoTime();
    try (Stream<Path> files = Files.list(dir.resolve("jepsen"))) {
      for (Path f : files.sorted().toList()) {
        etcd.add(HistoryFile.read(f, dev.faultline.checker.format.HistoryFormat.ETCD));
      }
    }
    long parseMs = (System.nanoTime() - parseStart) / 1_000_000;
    List<Item> items = new ArrayList<>();
    items.add(new Item("etcd set (" + etcd.size() + " files)", etcd, "cas-register", true, 31));
    for (String n : List.of("002", "007", "057", "099")) {
      HistoryFile f =
          etcd.stream()
              .filter(h -> h.name().endsWith("etcd_" + n + ".log"))
              .findFirst()
              .orElseThrow();
      items.add(new Item("etcd_" + n, List.of(f), "cas-register", true, 51));
    }
    items.add(new Item("kv c50-ok partitioned", List.of(kv(dir, "c50-ok.txt")), "kv", true, 15));
    items.add(new Item("kv c10-ok unpartitioned", List.of(kv(dir, "c10-ok.txt")), "kv", false, 9));
    out.printf(
        Locale.ROOT,
        "checker: Porcupine's histories; check time only (the etcd set parses in %d ms, cold);"
            + " warm JVM, median of N after N/3 warm-up runs%n",
        parseMs);
    out.printf(
        Locale.ROOT,
        "java %s, %d cpus, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(
        Locale.ROOT,
        "%-26s %6s %4s %10s %9s %8s %10s %12s  %s%n",
        "item",
        "ops",
        "N",
        "median ms",
        "min ms",
        "cpu ms",
        "alloc MB",
        "peak heap MB",
        "verdicts");
    for (Item item : items) {
      measure(out, item);
      out.flush();
    }
    WideRows.run(out);
    budget(out);
    WideRows.overshoot(out);
    CommandOvershoot.run(out);
    out.flush();
  }

  private static HistoryFile kv(Path dir, String name) {
    return HistoryFile.read(dir.resolve("kv").resolve(name), null);
  }

  private static void measure(PrintWriter out, Item item) {
    for (int i = 0; i < Math.max(2, item.reps() / 3); i++) {
      checkAll(item);
    }
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[item.reps()];
    double[] cpu = new double[item.reps()];
    String verdicts = "";
    for (int i = 0; i < item.reps(); i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      verdicts = checkAll(item);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    long[] memory = memory(item);
    int ops = item.files().stream().mapToInt(f -> invokes(f.ops())).sum();
    out.printf(
        Locale.ROOT,
        "%-26s %6d %4d %10.1f %9.1f %8.1f %10.1f %12.1f  %s%n",
        item.name(),
        ops,
        item.reps(),
        ms[ms.length / 2],
        ms[0],
        cpu[cpu.length / 2],
        memory[0] / 1e6,
        memory[1] / 1e6,
        verdicts);
  }

  private static int invokes(List<Op> ops) {
    return (int)
        ops.stream().filter(o -> o.type() == dev.faultline.checker.history.OpType.INVOKE).count();
  }

  /** Checks every file of the item; returns the verdicts counted. */
  private static String checkAll(Item item) {
    int lin = 0;
    int not = 0;
    int unknown = 0;
    for (HistoryFile f : item.files()) {
      CheckOptions options =
          CheckOptions.defaults().withRules(Rules.PORCUPINE).withPartition(item.partition());
      CheckResult r = Linearizability.check(f.ops(), Models.byName(item.model(), null), options);
      switch (r.verdict()) {
        case LINEARIZABLE -> lin++;
        case NOT_LINEARIZABLE -> not++;
        case UNKNOWN -> unknown++;
      }
    }
    return lin
        + " linearizable, "
        + not
        + " not"
        + (unknown > 0 ? ", " + unknown + " UNKNOWN" : "");
  }

  /** Allocated bytes and peak heap above the baseline, over one run of the item. */
  private static long[] memory(Item item) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    long baseline = 0;
    for (MemoryPoolMXBean p : heap) {
      p.resetPeakUsage();
      baseline += p.getUsage().getUsed();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    checkAll(item);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    return new long[] {allocated, Math.max(0, peak - baseline)};
  }

  /**
   * How closely a time limit is kept on a search that cannot finish: 40 concurrent writes, each
   * value written twice, then two reads no order explains.
   */
  private static void budget(PrintWriter out) {
    List<Op> ops = new ArrayList<>();
    int writers = 40;
    for (int p = 0; p < writers; p++) {
      ops.add(Op.invoke(p, "write", null, (long) (p % (writers / 2)), -1));
    }
    for (int p = 0; p < writers; p++) {
      ops.add(Op.ok(p, "write", null, (long) (p % (writers / 2)), -1));
    }
    for (long v = 0; v < 2; v++) {
      ops.add(Op.invoke(writers, "read", null, null, -1));
      ops.add(Op.ok(writers, "read", null, v, -1));
    }
    long t0 = System.nanoTime();
    CheckResult r =
        Linearizability.check(
            ops,
            Models.register(null),
            CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(1)));
    out.printf(
        Locale.ROOT,
        "time limit 1 s on a search that cannot finish (40 concurrent writes): %s after %.0f ms%n",
        r.verdict(),
        (System.nanoTime() - t0) / 1e6);
  }
}
