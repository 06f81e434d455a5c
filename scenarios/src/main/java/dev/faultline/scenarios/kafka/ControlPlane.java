package dev.faultline.scenarios.kafka;

import dev.faultline.models.kraft.KraftBrokerLink;
import dev.faultline.models.kraft.KraftConfig;
import dev.faultline.models.kraft.MetadataImage;
import dev.faultline.models.kraft.QuorumController;
import dev.faultline.models.raft.CommittedLogIntact;
import dev.faultline.models.raft.MonotonicHighWatermark;
import dev.faultline.models.raft.RaftApplication;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.models.raft.SingleLeaderPerEpoch;
import dev.faultline.models.replog.Broker;
import dev.faultline.models.replog.Controller;
import dev.faultline.models.replog.ControllerLink;
import dev.faultline.models.replog.FlushPolicy;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.zk.OnlyTheControllerWrites;
import dev.faultline.models.zk.PartitionTable;
import dev.faultline.models.zk.ZkBrokerLink;
import dev.faultline.models.zk.ZkConfig;
import dev.faultline.models.zk.ZkNode;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The brokers of a Kafka scenario and what controls them, in one of three modes: {@code kraft} (a
 * quorum of controllers running the Raft model over the metadata log; they are servers, so the
 * nemeses crash, isolate and pause them too), {@code zk} (a ZooKeeper-like ensemble on the same
 * nodes, and a controller elected through it), or {@code oracle} (one controller node that is never
 * faulted, for lessons that isolate the data path). Brokers are nodes 0..brokers-1 (b1..), the
 * controllers follow them.
 */
abstract class ControlPlane {
  final ReplogConfig replog;
  private FlushPolicy flush = FlushPolicy.everyAppend();

  ControlPlane(ReplogConfig replog) {
    this.replog = replog;
  }

  /** How the brokers fsync their logs (every append unless set). */
  ControlPlane flush(FlushPolicy policy) {
    this.flush = policy;
    return this;
  }

  /** The mode's control plane for {@code replog} (whose controller id is the first controller). */
  static ControlPlane of(String mode, ReplogConfig replog, KraftConfig kraft, ZkConfig zk) {
    return switch (mode) {
      case "oracle" -> new Oracle(replog);
      case "kraft" -> new Kraft(replog, kraft);
      case "zk" -> new Zk(replog, zk);
      default -> throw new IllegalArgumentException("no controller mode " + mode);
    };
  }

  /** Adds the brokers (servers b1..) and the controllers. */
  abstract void add(Setup s);

  /** The controllers' node names (the nodes a leader is isolated from, with the other brokers). */
  abstract List<String> controllerNames();

  /** The leader of {@code partition} as the (active) controller sees it now, or -1. */
  abstract int leaderOf(Simulation sim, int partition);

  /** How many leader changes the controller has made. */
  abstract long elections(Simulation sim);

  /** Whether a controller other than node {@code except} is active (and, in zk mode, loaded). */
  boolean activeOtherThan(Simulation sim, int except) {
    throw new UnsupportedOperationException("the single controller never fails over");
  }

  /** How many partitions {@code broker} leads in the active controller's view, or -1. */
  int leaderships(Simulation sim, int broker) {
    throw new UnsupportedOperationException("not measured in this mode");
  }

  /** Whether {@code broker}'s controller has let it finish a controlled shutdown. */
  boolean shutDownGranted(Simulation sim, int broker) {
    throw new UnsupportedOperationException("not measured in this mode");
  }

  /** The first node clients ask for metadata, and how many to ask in turn. */
  abstract int bootstrapFirst();

  abstract int bootstrapCount();

  void addBrokers(Setup s, Supplier<ControllerLink> link) {
    for (int i = 1; i <= replog.brokers(); i++) {
      s.server("b" + i, () -> new Broker(replog, link.get(), flush));
    }
  }

  /** Today's single controller node, never faulted. */
  static final class Oracle extends ControlPlane {
    Oracle(ReplogConfig replog) {
      super(replog);
    }

    @Override
    void add(Setup s) {
      addBrokers(s, () -> null);
      s.node("ctl", () -> new Controller(replog));
    }

    @Override
    List<String> controllerNames() {
      return List.of("ctl");
    }

    private Controller controller(Simulation sim) {
      return (Controller) sim.node(sim.idOf("ctl"));
    }

    @Override
    int leaderOf(Simulation sim, int partition) {
      return controller(sim).state(partition).leader();
    }

    @Override
    long elections(Simulation sim) {
      return controller(sim).elections();
    }

    @Override
    int bootstrapFirst() {
      return replog.controller();
    }

    @Override
    int bootstrapCount() {
      return 1;
    }
  }

  /**
   * A control plane on a quorum of voters ctl1.. running the Raft model, each serving an
   * application of type {@code A}; the quorum keeps the Raft invariants.
   */
  abstract static class Quorum<A extends RaftApplication> extends ControlPlane {
    private final RaftConfig raft;
    private final Class<A> type;

    Quorum(ReplogConfig replog, RaftConfig raft, Class<A> type) {
      super(replog);
      this.raft = raft;
      this.type = type;
    }

    /** A new broker link of this mode. */
    abstract ControllerLink link();

    /** A new application for one voter. */
    abstract A application();

    /** Whether {@code app} acts as the controller now. */
    abstract boolean isActive(A app);

    /** The mode's own invariants, checked before the quorum's Raft invariants. */
    void modeInvariants(Setup s) {}

    @Override
    void add(Setup s) {
      addBrokers(s, this::link);
      for (int v = 0; v < raft.voters(); v++) {
        int id = s.server("ctl" + (v + 1), () -> new RaftNode(raft, application()));
        if (id != raft.voterId(v)) {
          throw new IllegalStateException("controller ctl" + (v + 1) + " is node " + id);
        }
      }
      modeInvariants(s);
      s.invariant(new SingleLeaderPerEpoch(raft.firstVoterId(), raft.voters()));
      s.invariant(new MonotonicHighWatermark(raft.firstVoterId(), raft.voters()));
      s.invariant(new CommittedLogIntact(raft.firstVoterId(), raft.voters()));
    }

    @Override
    List<String> controllerNames() {
      List<String> out = new ArrayList<>();
      for (int v = 1; v <= raft.voters(); v++) {
        out.add("ctl" + v);
      }
      return out;
    }

    /** Voter {@code v}'s application, or null when the node runs none of this mode's. */
    final A application(Simulation sim, int v) {
      return sim.node(raft.voterId(v)) instanceof RaftNode n && type.isInstance(n.application())
          ? type.cast(n.application())
          : null;
    }

    /** The Raft leader's application, or null. */
    final A leaderApplication(Simulation sim) {
      for (int v = 0; v < raft.voters(); v++) {
        if (sim.node(raft.voterId(v)) instanceof RaftNode n && n.isLeader()) {
          return application(sim, v);
        }
      }
      return null;
    }

    final int voters() {
      return raft.voters();
    }

    @Override
    boolean activeOtherThan(Simulation sim, int except) {
      for (int v = 0; v < raft.voters(); v++) {
        A app = application(sim, v);
        if (raft.voterId(v) != except && app != null && isActive(app)) {
          return true;
        }
      }
      return false;
    }

    @Override
    int bootstrapFirst() {
      return 0;
    }

    @Override
    int bootstrapCount() {
      return replog.brokers();
    }
  }

  /** A KRaft quorum of controllers ctl1.. over the Raft model. */
  static final class Kraft extends Quorum<QuorumController> {
    private final KraftConfig kraft;

    Kraft(ReplogConfig replog, KraftConfig kraft) {
      super(replog, kraft.raft(), QuorumController.class);
      this.kraft = kraft;
    }

    @Override
    ControllerLink link() {
      return new KraftBrokerLink(kraft);
    }

    @Override
    QuorumController application() {
      return new QuorumController(kraft);
    }

    @Override
    boolean isActive(QuorumController app) {
      return app.isActive();
    }

    /** The image of the active controller of the highest epoch, else of any live controller. */
    MetadataImage image(Simulation sim) {
      MetadataImage best = null;
      int bestEpoch = -1;
      for (int v = 0; v < voters(); v++) {
        if (sim.node(kraft.raft().voterId(v)) instanceof RaftNode n
            && n.application() instanceof QuorumController c) {
          int rank = c.isActive() ? n.epoch() : -1;
          if (best == null || rank > bestEpoch) {
            best = c.image();
            bestEpoch = rank;
          }
        }
      }
      return best;
    }

    @Override
    int leaderOf(Simulation sim, int partition) {
      MetadataImage img = image(sim);
      return img == null || img.partitions() <= partition ? -1 : img.leader(partition);
    }

    @Override
    long elections(Simulation sim) {
      MetadataImage img = image(sim);
      return img == null ? 0 : img.leaderChanges();
    }

    @Override
    int leaderships(Simulation sim, int broker) {
      MetadataImage img = image(sim);
      return img == null ? -1 : img.leaderships(broker);
    }

    @Override
    boolean shutDownGranted(Simulation sim, int broker) {
      return sim.node(broker) instanceof Broker b
          && b.link() instanceof KraftBrokerLink l
          && l.shutDownGrantedMicros() >= 0;
    }
  }

  /** A ZooKeeper-like ensemble on ctl1.., each with a controller candidate beside it. */
  static final class Zk extends Quorum<ZkNode> {
    private final ZkConfig zk;

    Zk(ReplogConfig replog, ZkConfig zk) {
      super(replog, zk.raft(), ZkNode.class);
      this.zk = zk;
    }

    @Override
    ControllerLink link() {
      return new ZkBrokerLink(zk);
    }

    @Override
    ZkNode application() {
      return new ZkNode(zk);
    }

    @Override
    boolean isActive(ZkNode app) {
      return app.isActiveController();
    }

    @Override
    void modeInvariants(Setup s) {
      s.invariant(new OnlyTheControllerWrites(zk.raft().firstVoterId(), zk.raft().voters()));
    }

    /** The controller node of the highest epoch that has loaded, or null. */
    ZkNode active(Simulation sim) {
      ZkNode best = null;
      for (int v = 0; v < voters(); v++) {
        ZkNode z = application(sim, v);
        if (z != null
            && z.isActiveController()
            && (best == null || z.controllerEpoch() > best.controllerEpoch())) {
          best = z;
        }
      }
      return best;
    }

    @Override
    int leaderOf(Simulation sim, int partition) {
      ZkNode z = active(sim);
      return z == null ? -1 : z.leaderOf(partition);
    }

    @Override
    long elections(Simulation sim) {
      ZkNode leader = leaderApplication(sim);
      PartitionTable store = leader == null ? null : leader.store();
      long sum = 0;
      for (int p = 0; store != null && p < store.partitions(); p++) {
        sum += store.leaderEpoch(p);
      }
      return sum;
    }

    @Override
    int leaderships(Simulation sim, int broker) {
      ZkNode z = active(sim);
      return z == null || z.cache() == null ? -1 : z.cache().leaderships(broker);
    }

    @Override
    boolean shutDownGranted(Simulation sim, int broker) {
      return sim.node(broker) instanceof Broker b
          && b.link() instanceof ZkBrokerLink l
          && l.shutDownGrantedMicros() >= 0;
    }
  }
}
