package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.history.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The golden corpus: Porcupine's 102 etcd histories and its kv files, whose verdicts are listed in
 * ../shared/histories/README.md. CI always has that directory; a missing one is a failure.
 */
class GoldenCorpusTest {
  /** The linearizable etcd histories, as the corpus README lists them; all others are not. */
  static final Set<Integer> LINEARIZABLE_ETCD =
      Set.of(
          2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101,
          102);

  static Path histories() {
    String root = System.getProperty("faultline.root");
    Path base = root == null ? Path.of("..") : Path.of(root);
    Path dir = base.resolve("..").resolve("shared").resolve("histories").normalize();
    assertTrue(
        Files.isDirectory(dir.resolve("porcupine")),
        "the golden histories are missing: expected them in "
            + dir
            + " (../shared/histories beside the project checkout)");
    return dir.resolve("porcupine");
  }

  static CheckResult check(Path file, String model, boolean partition) {
    return check(file, model, partition, null);
  }

  static CheckResult check(Path file, String model, boolean partition, Rules rules) {
    HistoryFile h = HistoryFile.read(file, null);
    CheckOptions options =
        CheckOptions.defaults()
            .withRules(rules != null ? rules : h.format().rules())
            .withPartition(partition)
            .withTimeLimit(Duration.ofSeconds(60));
    return Linearizability.check(h.ops(), Models.byName(model, null), options);
  }

  @Test
  void everyEtcdHistoryGetsItsPublishedVerdict() {
    etcdVerdicts(null);
  }

  /** Knossos, judging these histories by Jepsen's rules, agrees wherever it decides. */
  @Test
  void underJepsenRulesEveryEtcdHistoryGetsTheSameVerdict() {
    etcdVerdicts(Rules.JEPSEN);
  }

  private static void etcdVerdicts(Rules rules) {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i <= 102; i++) {
      if (i == 95) {
        continue;
      }
      Path file = histories().resolve(String.format("jepsen/etcd_%03d.log", i));
      assertEquals(HistoryFormat.ETCD, HistoryFile.read(file, null).format());
      CheckResult r = check(file, "cas-register", true, rules);
      Verdict expected =
          LINEARIZABLE_ETCD.contains(i) ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
      if (r.verdict() != expected) {
        wrong.add(file.getFileName() + " " + r.verdict() + " " + r.reason());
      }
      checked++;
    }
    assertEquals(List.of(), wrong);
    assertEquals(102, checked);
  }

  @Test
  void theEmptyEtcdHistoryIsLinearizable() {
    CheckResult r = check(histories().resolve("jepsen/etcd_095.log"), "cas-register", true);
    assertEquals(Verdict.LINEARIZABLE, r.verdict());
    assertEquals(0, r.operations());
  }

  @Test
  void kvFilesAreJudgedPerKey() {
    for (String c : List.of("c01", "c10", "c50")) {
      assertEquals(Verdict.LINEARIZABLE, kv(c + "-ok.txt", true).verdict(), c + "-ok");
      assertEquals(Verdict.NOT_LINEARIZABLE, kv(c + "-bad.txt", true).verdict(), c + "-bad");
    }
  }

  @Test
  void kvFilesAreJudgedWholeWithoutPartitioning() {
    for (String c : List.of("c01", "c10")) {
      assertEquals(Verdict.LINEARIZABLE, kv(c + "-ok.txt", false).verdict(), c + "-ok");
      assertEquals(Verdict.NOT_LINEARIZABLE, kv(c + "-bad.txt", false).verdict(), c + "-bad");
    }
  }

  private static CheckResult kv(String name, boolean partition) {
    return check(histories().resolve("kv").resolve(name), "kv", partition);
  }
}
