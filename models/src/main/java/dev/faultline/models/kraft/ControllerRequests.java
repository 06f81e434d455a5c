package dev.faultline.models.kraft;

import dev.faultline.sim.NodeContext;
import java.util.List;

/**
 * What the active controller does with brokers' requests, after Kafka's ClusterControlManager,
 * BrokerHeartbeatManager and ReplicationControlManager: registration (a new incarnation is refused
 * while the old one's session lives), heartbeats (fenced until the broker has replayed the metadata
 * log up to its own registration; a controlled shutdown moves its leaderships away first; an
 * expired session fences it, removing it from every ISR), and AlterPartition (KIP-497, with the
 * checks of KIP-841 and KIP-903). Every change is written to the log first; the answer waits for
 * the commit.
 */
final class ControllerRequests {
  private final QuorumController controller;
  private final KraftConfig config;

  ControllerRequests(QuorumController controller, KraftConfig config) {
    this.controller = controller;
    this.config = config;
  }

  /** Answers {@code m} with NOT_CONTROLLER and the leader this controller knows. */
  static void notController(NodeContext ctx, int from, KraftMessage m, int hint) {
    KraftMessage.Error nc = KraftMessage.Error.NOT_CONTROLLER;
    if (m instanceof KraftMessage.BrokerRegistration) {
      ctx.send(from, new KraftMessage.BrokerRegistrationResponse(nc, -1, hint));
    } else if (m instanceof KraftMessage.BrokerHeartbeat) {
      ctx.send(from, new KraftMessage.BrokerHeartbeatResponse(nc, true, false, hint));
    } else if (m instanceof KraftMessage.AlterPartition a) {
      ctx.send(from, new KraftMessage.AlterPartitionResponse(a.partition(), nc, null, hint));
    }
  }

  void handle(int from, KraftMessage m) {
    if (m instanceof KraftMessage.BrokerRegistration r) {
      register(from, r);
    } else if (m instanceof KraftMessage.BrokerHeartbeat h) {
      heartbeat(from, h);
    } else if (m instanceof KraftMessage.AlterPartition a) {
      alterPartition(from, a);
    }
  }

  private MetadataImage image() {
    return controller.image();
  }

  private long now() {
    return controller.ctx().nowMicros();
  }

  private void register(int from, KraftMessage.BrokerRegistration r) {
    MetadataImage img = image();
    int b = r.broker();
    if (img.registered(b) && img.incarnation(b) == r.incarnation()) {
      long epoch = img.brokerEpoch(b); // a retry: the registration stands
      controller.replyWhenCommitted(epoch, from, registered(epoch));
      return;
    }
    if (img.registered(b) && controller.sessions().hasValidSession(b, now())) {
      controller
          .ctx()
          .send(
              from,
              new KraftMessage.BrokerRegistrationResponse(
                  KraftMessage.Error.DUPLICATE_BROKER_REGISTRATION, -1, -1));
      return;
    }
    if (config.eligibleLeaderReplicas() && img.registered(b)) {
      // KIP-966: a new incarnation may have lost what it had not flushed; it leaves ISRs and ELRs.
      PartitionChange change = new PartitionChange(img, config.rules());
      for (int p = 0; p < img.partitions(); p++) {
        int pos = img.position(p, b);
        if (pos >= 0 && ((img.isrMask(p) | img.elrMask(p)) & (1 << pos)) != 0) {
          change.change(p, img.isrMask(p), -1, -1, b);
        }
      }
      writeIfAny(change);
    }
    long epoch = controller.write(new MetadataRecord.RegisterBroker(b, r.incarnation()));
    controller.sessions().touch(b, now());
    controller.replyWhenCommitted(epoch, from, registered(epoch));
  }

  private static KraftMessage registered(long epoch) {
    return new KraftMessage.BrokerRegistrationResponse(KraftMessage.Error.NONE, epoch, -1);
  }

  private void heartbeat(int from, KraftMessage.BrokerHeartbeat h) {
    MetadataImage img = image();
    int b = h.broker();
    if (!img.registered(b) || img.brokerEpoch(b) != h.brokerEpoch()) {
      controller
          .ctx()
          .send(
              from,
              new KraftMessage.BrokerHeartbeatResponse(
                  KraftMessage.Error.STALE_BROKER_EPOCH, true, false, -1));
      return;
    }
    controller.sessions().touch(b, now());
    boolean fenced = img.fenced(b);
    boolean shutDown = false;
    if (fenced) {
      if (h.wantShutDown()) {
        shutDown = true;
      } else if (h.metadataOffset() >= img.brokerEpoch(b)) {
        unfence(b); // caught up with its own registration
        fenced = false;
      }
    } else if (img.inControlledShutdown(b) || h.wantShutDown()) {
      if (!img.inControlledShutdown(b) && img.leaderships(b) > 0) {
        controlledShutdown(b);
      } else if (img.leaderships(b) == 0) {
        fence(b); // SHUTDOWN_NOW: it leads nothing any more
        fenced = true;
        shutDown = true;
      }
    }
    controller.replyWhenCommitted(
        controller.lastOffset(),
        from,
        new KraftMessage.BrokerHeartbeatResponse(KraftMessage.Error.NONE, fenced, shutDown, -1));
  }

  /** Fences every broker whose session expired. */
  void fenceExpired(List<Integer> brokers) {
    for (int b : brokers) {
      fence(b);
    }
  }

  /** Removes {@code b} from every ISR, electing new leaders where it led; then fences it. */
  private void fence(int b) {
    MetadataImage img = image();
    PartitionChange change = new PartitionChange(img, config.rules());
    for (int p = 0; p < img.partitions(); p++) {
      if (img.inIsr(p, b)) {
        change.change(p, img.isrMask(p) & ~(1 << img.position(p, b)), b, -1, -1);
      }
    }
    writeIfAny(change);
    controller.write(
        new MetadataRecord.BrokerChange(
            b, img.brokerEpoch(b), MetadataRecord.Fencing.FENCE, false));
  }

  /** Unfences {@code b}, then elects it where a partition has no leader and it may lead. */
  private void unfence(int b) {
    MetadataImage img = image();
    controller.write(
        new MetadataRecord.BrokerChange(
            b, img.brokerEpoch(b), MetadataRecord.Fencing.UNFENCE, false));
    PartitionChange change = new PartitionChange(img, config.rules());
    for (int p = 0; p < img.partitions(); p++) {
      if (img.leader(p) < 0) {
        change.change(p, img.isrMask(p), -1, b, -1);
      }
    }
    writeIfAny(change);
  }

  /** Marks {@code b} shutting down, then moves its leaderships and ISR places away. */
  private void controlledShutdown(int b) {
    MetadataImage img = image();
    controller.write(
        new MetadataRecord.BrokerChange(b, img.brokerEpoch(b), MetadataRecord.Fencing.NONE, true));
    PartitionChange change = new PartitionChange(img, config.rules());
    for (int p = 0; p < img.partitions(); p++) {
      if (img.inIsr(p, b)) {
        change.change(p, img.isrMask(p) & ~(1 << img.position(p, b)), b, -1, -1);
      }
    }
    writeIfAny(change);
  }

  private void writeIfAny(PartitionChange change) {
    if (!change.isEmpty()) {
      controller.write(change.build());
    }
  }

  private void alterPartition(int from, KraftMessage.AlterPartition a) {
    MetadataImage img = image();
    int p = a.partition();
    KraftMessage.Error error = validate(img, from, a);
    if (error != KraftMessage.Error.NONE) {
      controller.ctx().send(from, new KraftMessage.AlterPartitionResponse(p, error, null, -1));
      return;
    }
    int mask = 0;
    for (int r : a.isr()) {
      mask |= 1 << img.position(p, r);
    }
    PartitionChange change = new PartitionChange(img, config.rules());
    change.change(p, mask, -1, -1, -1);
    writeIfAny(change);
    controller.replyWhenCommitted(
        controller.lastOffset(),
        from,
        new KraftMessage.AlterPartitionResponse(p, KraftMessage.Error.NONE, img.state(p), -1));
  }

  /** Kafka's checks of an AlterPartition request, in Kafka's order. */
  private static KraftMessage.Error validate(
      MetadataImage img, int from, KraftMessage.AlterPartition a) {
    int p = a.partition();
    if (!img.registered(from) || img.brokerEpoch(from) != a.brokerEpoch()) {
      return KraftMessage.Error.STALE_BROKER_EPOCH;
    }
    if (p < 0 || p >= img.partitions()) {
      return KraftMessage.Error.INVALID_REQUEST;
    }
    if (a.leaderEpoch() > img.leaderEpoch(p) || a.partitionEpoch() > img.partitionEpoch(p)) {
      return KraftMessage.Error.NOT_CONTROLLER; // this controller is behind: ask the active one
    }
    if (a.leaderEpoch() < img.leaderEpoch(p)) {
      return KraftMessage.Error.FENCED_LEADER_EPOCH;
    }
    if (from != img.leader(p)) {
      return KraftMessage.Error.INVALID_REQUEST;
    }
    if (a.partitionEpoch() < img.partitionEpoch(p)) {
      return KraftMessage.Error.INVALID_UPDATE_VERSION;
    }
    if (!a.isr().contains(from)) {
      return KraftMessage.Error.INVALID_REQUEST;
    }
    for (int i = 0; i < a.isr().size(); i++) {
      int r = a.isr().get(i);
      if (r < 0 || r >= img.brokers() || img.position(p, r) < 0) {
        return KraftMessage.Error.INVALID_REQUEST;
      }
      long epoch = a.isrBrokerEpochs().get(i);
      if (!img.registered(r)
          || img.fenced(r)
          || img.inControlledShutdown(r)
          || (epoch != -1 && epoch != img.brokerEpoch(r))) {
        return KraftMessage.Error.INELIGIBLE_REPLICA;
      }
    }
    return KraftMessage.Error.NONE;
  }
}
