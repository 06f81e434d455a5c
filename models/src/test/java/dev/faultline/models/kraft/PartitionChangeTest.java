package dev.faultline.models.kraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.models.raft.Command;
import dev.faultline.models.raft.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionChangeTest {
  /** Three brokers, registered and unfenced, and one partition replicated on all of them. */
  private static MetadataImage cluster() {
    MetadataImage img = new MetadataImage(3);
    long o = 0;
    img.apply(new LogEntry(o++, 1, new MetadataRecord.CreateTopic(1, 3, 3)));
    for (int b = 0; b < 3; b++) {
      long epoch = o;
      img.apply(new LogEntry(o++, 1, new MetadataRecord.RegisterBroker(b, 100 + b)));
      img.apply(
          new LogEntry(
              o++,
              1,
              new MetadataRecord.BrokerChange(b, epoch, MetadataRecord.Fencing.UNFENCE, false)));
    }
    return img;
  }

  private static void apply(MetadataImage img, Command.AppRecord r) {
    img.apply(new LogEntry(img.appliedOffset(), 1, r));
  }

  private static void fence(MetadataImage img, int broker, PartitionChange.Rules rules) {
    PartitionChange c = new PartitionChange(img, rules);
    c.change(0, img.isrMask(0) & ~(1 << img.position(0, broker)), broker, -1, -1);
    if (!c.isEmpty()) {
      apply(img, c.build());
    }
    apply(
        img,
        new MetadataRecord.BrokerChange(
            broker, img.brokerEpoch(broker), MetadataRecord.Fencing.FENCE, false));
  }

  @Test
  void fencingTheLeaderElectsTheNextInSyncReplicaAndBumpsBothEpochs() {
    MetadataImage img = cluster();
    PartitionChange.Rules clean = new PartitionChange.Rules(false, false, 2);
    fence(img, 0, clean);
    assertEquals(1, img.leader(0));
    assertEquals(1, img.leaderEpoch(0));
    assertEquals(1, img.partitionEpoch(0));
    assertEquals(List.of(1, 2), img.state(0).isr());
  }

  @Test
  void theLastInSyncReplicaStaysInTheIsrAndThePartitionGoesOffline() {
    MetadataImage img = cluster();
    PartitionChange.Rules clean = new PartitionChange.Rules(false, false, 2);
    fence(img, 0, clean);
    fence(img, 1, clean);
    fence(img, 2, clean);
    assertEquals(-1, img.leader(0));
    assertEquals(List.of(2), img.state(0).isr(), "the last member stays, to lead when back");
  }

  @Test
  void withEligibleLeaderReplicasTheIsrEmptiesAndAnEligibleReplicaLeadsWhenItReturns() {
    MetadataImage img = cluster();
    PartitionChange.Rules elr = new PartitionChange.Rules(false, true, 2);
    fence(img, 0, elr);
    fence(img, 1, elr);
    fence(img, 2, elr);
    assertEquals(-1, img.leader(0));
    assertEquals(0, img.isrMask(0));
    assertTrue(img.elrMask(0) != 0, "the members lost below min.insync.replicas are eligible");
    // broker 1 comes back: unfenced, it is elected from the ELR and becomes the ISR
    long epoch = img.appliedOffset();
    apply(img, new MetadataRecord.RegisterBroker(1, 999));
    apply(img, new MetadataRecord.BrokerChange(1, epoch, MetadataRecord.Fencing.UNFENCE, false));
    PartitionChange c = new PartitionChange(img, elr);
    c.change(0, img.isrMask(0), -1, 1, -1);
    apply(img, c.build());
    assertEquals(1, img.leader(0));
    assertEquals(List.of(1), img.state(0).isr());
  }

  @Test
  void anUncleanElectionMakesAnOutOfSyncReplicaTheWholeIsr() {
    MetadataImage img = cluster();
    PartitionChange.Rules unclean = new PartitionChange.Rules(true, false, 2);
    // the ISR shrinks to broker 0 alone, then broker 0 is fenced
    PartitionChange shrink = new PartitionChange(img, unclean);
    shrink.change(0, 1, -1, -1, -1);
    apply(img, shrink.build());
    fence(img, 0, unclean);
    assertEquals(1, img.leader(0), "the first live replica, out of sync");
    assertEquals(List.of(1), img.state(0).isr());
  }
}
