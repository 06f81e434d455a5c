package dev.faultline.scenarios;

import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.LatencySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The network and disk knobs every scenario shares: the latency of every link, per-link overrides
 * and how long a disk sync takes. {@link FaultKnobs#knobs} includes them, so every scenario has
 * them; the composed-scenario runner builds the simulation through {@link #configure} and, once the
 * nodes exist, calls {@link #applyLinks}. Both do nothing for a scenario without the knobs.
 *
 * <ul>
 *   <li>{@code latency}: one-way delay of every link, e.g. {@code uniform:5..10ms} (kinds {@code
 *       fixed}, {@code uniform}, {@code exponential}, {@code lognormal}; see {@link LatencySpec}).
 *   <li>{@code link-latency}: overrides, {@code ;}-separated: {@code n1-n2=fixed:50ms} for both
 *       directions of a link, {@code n1->n2=...} for one; {@code none} for no override.
 *   <li>{@code disk-sync-latency}: how long each sync keeps a node busy; {@code fixed:0ms} (the
 *       default) is instant.
 * </ul>
 */
public final class NetworkKnobs {
  /** The simulator's LAN: 200 µs plus an exponential tail of mean 800 µs. */
  public static final String DEFAULT_LATENCY = "exponential:200us+800us";

  private NetworkKnobs() {}

  /** A per-link override: the directed link {@code from -> to}, or both ways. */
  public record LinkLatency(String from, String to, boolean bothWays, LatencyModel latency) {}

  /** The shared knobs, with {@code defaultLatency} as the latency of every link. */
  public static List<Knob> knobs(String defaultLatency) {
    return List.of(
        Knob.latency(
            "latency", defaultLatency, "one-way delay of every link, e.g. uniform:5..10ms"),
        Knob.text(
            "link-latency",
            "none",
            "per-link delays overriding latency, e.g. n1-n2=fixed:50ms;n3->n1=uniform:1..2ms"),
        Knob.latency("disk-sync-latency", "fixed:0ms", "how long a disk sync keeps a node busy"));
  }

  /** The shared knobs with the simulator's LAN latency. */
  public static List<Knob> knobs() {
    return knobs(DEFAULT_LATENCY);
  }

  /** {@code base} with the knobs' link latency and disk sync latency (if the scenario has them). */
  public static SimConfig configure(Knobs k, SimConfig base) {
    if (!k.values().containsKey("latency")) {
      return base;
    }
    LatencyModel sync = LatencySpec.parse(k.get("disk-sync-latency"));
    boolean instant = sync instanceof LatencyModel.Fixed f && f.micros() == 0;
    return base.withNetwork(base.network().withLatency(LatencySpec.parse(k.get("latency"))))
        .withDiskSyncLatency(instant ? null : sync);
  }

  /**
   * Sets the {@code link-latency} overrides on {@code sim}, whose nodes must all exist. Throws
   * {@link KnobException} for a malformed override or a node the simulation lacks.
   */
  public static void applyLinks(Knobs k, Simulation sim) {
    if (!k.values().containsKey("link-latency")) {
      return;
    }
    for (LinkLatency l : links(k.get("link-latency"))) {
      int from = nodeId(sim, l.from());
      int to = nodeId(sim, l.to());
      sim.setLinkLatency(from, to, l.latency());
      if (l.bothWays()) {
        sim.setLinkLatency(to, from, l.latency());
      }
    }
  }

  /** The overrides {@code text} names, in order; throws {@link KnobException} if malformed. */
  public static List<LinkLatency> links(String text) {
    List<LinkLatency> out = new ArrayList<>();
    if (text == null || text.isBlank() || text.strip().equals("none")) {
      return out;
    }
    for (String part : text.split(";", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw bad(part, "expected LINK=LATENCY, e.g. n1-n2=fixed:50ms");
      }
      String link = p.substring(0, eq).strip();
      boolean oneWay = link.contains("->");
      String[] ends = oneWay ? link.split("->", -1) : link.split("-", -1);
      if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
        throw bad(part, "a link is A-B (both ways) or A->B (one way)");
      }
      LatencyModel latency;
      try {
        latency = LatencySpec.parse(p.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw bad(part, e.getMessage());
      }
      out.add(new LinkLatency(ends[0].strip(), ends[1].strip(), !oneWay, latency));
    }
    return out;
  }

  private static int nodeId(Simulation sim, String name) {
    if (!sim.nodeNames().contains(name)) {
      throw new KnobException(
          "link-latency names node '"
              + name
              + "', which this run does not have (nodes: "
              + String.join(", ", sim.nodeNames())
              + ")");
    }
    return sim.idOf(name);
  }

  private static KnobException bad(String part, String why) {
    return new KnobException("bad link-latency entry '" + part.strip() + "': " + why);
  }
}
