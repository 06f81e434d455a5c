package dev.faultline.scenarios.dynamo;

import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Counterexample;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import dev.faultline.checker.linear.Operation;
import dev.faultline.models.ring.store.StoreConfig;
import dev.faultline.models.ring.store.StoreConfig.Quorum;
import dev.faultline.models.ring.store.StoreConfig.ReadRepair;
import dev.faultline.models.ring.store.StoreConfig.Versioning;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.scenarios.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The linearizability verdict, per key, against {@link SiblingRegister}; a failure names the read
 * that could not be placed, the writes whose values the register could hold there, and why this
 * configuration lets that happen.
 *
 * <p>Histories are read under Porcupine's rules rather than Jepsen's: a nil read then means the key
 * was still empty, so a read that missed the only write so far is caught too. Everything else reads
 * the same: failed operations never happened, and indeterminate writes may take effect at any time
 * after their invoke, or never.
 */
final class StaleReads {
  private StaleReads() {}

  static Verdict check(
      List<dev.faultline.checker.history.Op> history,
      List<Op> ops,
      StoreConfig store,
      FaultMode mode) {
    CheckOptions options =
        CheckOptions.defaults()
            .withRules(Rules.PORCUPINE)
            .withPartition(true)
            .withTimeLimit(Duration.ofSeconds(60));
    CheckResult result = Linearizability.check(history, new SiblingRegister(), options);
    return switch (result.verdict()) {
      case LINEARIZABLE ->
          Verdict.pass(
              "linearizable", "every read fits one order of the writes (" + ops.size() + " ops)");
      case UNKNOWN -> Verdict.unknown("linearizable", result.reason());
      case NOT_LINEARIZABLE -> {
        Counterexample ce = result.counterexample();
        List<String> details = new ArrayList<>(name(ce, ops));
        details.addAll(why(store, mode, ce, ops));
        details.add("checker: " + ce.explain().lines().findFirst().orElse(""));
        ce.explain().lines().skip(1).forEach(l -> details.add("checker:" + l));
        yield new Verdict(
                "linearizable",
                Verdict.Status.FAIL,
                "stale read: "
                    + details.get(0).substring("read: ".length())
                    + (details.size() > 1 ? "; " + details.get(1) : ""),
                details,
                null)
            .withEvidence(ce);
      }
    };
  }

  /** The blocked read and the writes it missed, as the clients saw them. */
  private static List<String> name(Counterexample ce, List<Op> ops) {
    List<String> out = new ArrayList<>();
    Operation blocked = ce.blocked();
    Op read = find(ops, blocked);
    out.add("read: " + (read == null ? blocked.describe() : read.describe()));
    for (String state : ce.candidateStates()) {
      Op w = writeOf(ops, blocked.key(), state);
      out.add(
          "missed: by then "
              + blocked.key()
              + " could only hold "
              + state
              + (w == null ? "" : ", written by " + w.describe()));
    }
    return out;
  }

  private static Op find(List<Op> ops, Operation op) {
    long invokeMicros = op.invoke().timeNanos() / 1000;
    String client = "c" + op.process();
    for (Op o : ops) {
      if (o.client().equals(client) && o.op().invokeMicros() == invokeMicros) {
        return o;
      }
    }
    return null;
  }

  private static Op writeOf(List<Op> ops, Object key, String shown) {
    for (Op o : ops) {
      if (o.op().write() && o.op().key().equals(key) && Models.show(o.op().value()).equals(shown)) {
        return o;
      }
    }
    return null;
  }

  /** Why this configuration can return such a read: one or more sentences, most specific first. */
  private static List<String> why(StoreConfig s, FaultMode mode, Counterexample ce, List<Op> ops) {
    List<String> out = new ArrayList<>();
    if (s.r() + s.w() <= s.n()) {
      out.add(
          "why: R+W <= N ("
              + s.r()
              + "+"
              + s.w()
              + " <= "
              + s.n()
              + "), so a read's replicas need not include any replica that took the write.");
    }
    if (s.quorum() == Quorum.SLOPPY) {
      out.add(
          "why: sloppy quorum: when home replicas are cut off, stand-ins form a quorum of their own,"
              + " so a read and a write can each succeed without meeting.");
    }
    if (s.versioning() == Versioning.LWW
        && (mode == FaultMode.CLOCK_SKEW || mode == FaultMode.GENERATED)) {
      out.add(
          "why: last-write-wins by the coordinator's clock: a write stamped by a clock that runs"
              + " behind loses to an older write, and reads keep returning the older one.");
    }
    if (s.readRepair() != ReadRepair.BLOCKING) {
      out.add(
          "why: R+W>N alone is not linearizable: read repair is "
              + s.readRepair().name().toLowerCase(java.util.Locale.ROOT)
              + ", so a read that saw a write still in flight, or a failed write that reached one"
              + " replica, can return it while a later read whose quorum missed it returns the"
              + " older value.");
    }
    for (String state : ce.candidateStates()) {
      Op w = writeOf(ops, ce.blocked().key(), state);
      if (w != null && w.op().status() != Status.OK) {
        out.add(
            "why: "
                + w.client()
                + "'s write of "
                + state
                + " was never acknowledged, yet it reached a replica: once a read returned it, it"
                + " had taken effect, and this read's quorum missed it (a partly applied write).");
      }
    }
    if (out.isEmpty()) {
      out.add("why: not one of the causes docs/dynamo.md lists: look for a bug in the store.");
    }
    return out;
  }
}
