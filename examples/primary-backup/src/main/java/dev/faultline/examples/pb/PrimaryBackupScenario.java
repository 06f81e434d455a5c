package dev.faultline.examples.pb;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code primary-backup}: a primary n1 and backups n2.. serve a key-value store to clients under
 * generated crashes, pauses, partitions, loss and duplication; then a liveness phase. Checks:
 * linearizability per key (a register per key, read under Porcupine's rules: a nil read means the
 * key was never written), and that every client is answered after the heal.
 *
 * <p>Found by {@code java.util.ServiceLoader} through {@code
 * META-INF/services/dev.faultline.scenarios.Scenario}: {@code faultline --classpath JAR} lists it,
 * runs it, sweeps it, compares and exports it like a built-in scenario.
 */
public final class PrimaryBackupScenario extends ComposedScenario {
  @Override
  public String name() {
    return "primary-backup";
  }

  @Override
  public String description() {
    return "Example model of one's own: primary-backup key-value store; linearizable under"
        + " crashes and partitions.";
  }

  @Override
  public List<Knob> knobs() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("backups", 2, 1, 8, "backups n2.. beside the primary n1"));
    k.add(Knob.integer("clients", 3, 1, 32, "client processes"));
    k.add(Knob.integer("keys", 2, 1, 100, "registers"));
    k.add(Knob.decimal("read-fraction", 0.5, 0, 1, "chance an operation is a read"));
    k.add(Knob.integer("think-ms", 20, 0, 60_000, "mean pause between a client's operations"));
    k.add(Knob.integer("attempt-ms", 100, 1, 60_000, "a client sends its request again after"));
    k.add(Knob.integer("timeout-ms", 1000, 1, 600_000, "a client gives an operation up after"));
    k.add(
        Knob.integer(
            "retry-ms", 100, 1, 60_000, "the primary's resend (and, with the bug, push) interval"));
    k.add(Knob.integer("duration-ms", 5000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 3000, 100, 3_600_000, "time allowed after the heal"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "async-replication"),
            "async-replication: acknowledge writes before the backups hold them"));
    // Fault episodes more often than the shared defaults (2 s apart, 1 s long), so that a
    // 5-second run sees several.
    for (Knob f : FaultKnobs.knobs("crash,pause,partition,loss,duplicate")) {
      String d =
          f.name().equals("fault-gap-ms")
              ? "800"
              : f.name().equals("fault-duration-ms") ? "500" : f.defaultValue();
      k.add(new Knob(f.name(), d, f.description(), f.type(), f.min(), f.max(), f.choices()));
    }
    return k;
  }

  /** How the run judges its history: exported histories carry it to {@code faultline check}. */
  @Override
  public Optional<HistoryCheck> historyCheck(Knobs knobs) {
    return Optional.of(new HistoryCheck.Linearizable(Models.register(null), Rules.PORCUPINE));
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    List<String> backups = new ArrayList<>();
    for (int i = 2; i <= k.getInt("backups") + 1; i++) {
      backups.add("n" + i);
    }
    PbConfig config =
        new PbConfig(
            "n1", backups, k.getLong("retry-ms") * 1000, k.get("bug").equals("async-replication"));
    s.server("n1", () -> new Primary(config));
    backups.forEach(b -> s.server(b, Backup::new));
    PbClient.Config cc =
        new PbClient.Config(
            "n1",
            k.getInt("keys"),
            k.getDouble("read-fraction"),
            k.getLong("think-ms") * 1000,
            k.getLong("attempt-ms") * 1000,
            k.getLong("timeout-ms") * 1000);
    List<Integer> clients = new ArrayList<>();
    for (int i = 1; i <= k.getInt("clients"); i++) {
      int id = s.node("c" + i, () -> new PbClient(cc, s.history()));
      s.history().nameProcess(id, "c" + i); // a client's process is its node id
      clients.add(id);
    }
    s.generatedFaults();
    Simulation sim = s.sim();
    long heal = s.faultEndMicros();
    s.liveness(() -> () -> clients.stream().allMatch(id -> answeredSince(sim, id, heal)));
    s.checker(
        (o, metrics) -> {
          List<Verdict> out = new ArrayList<>();
          out.add(linearizable(o.history()));
          if (o.completed()) {
            out.add(
                o.live()
                    ? Verdict.pass("liveness", "every client was answered after the heal")
                    : Verdict.fail(
                        "liveness",
                        "some client was not answered within "
                            + k.getLong("liveness-ms")
                            + " ms of the heal",
                        List.of()));
          }
          return out;
        });
  }

  private static boolean answeredSince(Simulation sim, int id, long healMicros) {
    return sim.node(id) instanceof PbClient c && c.lastCompletionMicros() >= healMicros;
  }

  private static Verdict linearizable(List<Op> history) {
    CheckOptions options =
        CheckOptions.defaults().withRules(Rules.PORCUPINE).withTimeLimit(Duration.ofSeconds(20));
    CheckResult r = Linearizability.check(history, Models.register(null), options);
    return switch (r.verdict()) {
      case LINEARIZABLE ->
          Verdict.pass("linearizable", r.operations() + " operations, linearizable per key");
      case NOT_LINEARIZABLE ->
          Verdict.fail(
                  "linearizable",
                  "NOT_LINEARIZABLE",
                  List.of(r.counterexample().explain().split("\n")))
              .withEvidence(r.counterexample());
      case UNKNOWN -> Verdict.unknown("linearizable", r.reason());
    };
  }
}
