package dev.faultline.examples.pb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.property.Property;
import dev.faultline.scenarios.property.PropertyResult;
import org.junit.jupiter.api.Test;

/** The scenario found through ServiceLoader, checked with Faultline's own property harness. */
class PrimaryBackupPropertyTest {
  @Test
  void theStoreIsLinearizableUnderCrashesPausesPartitionsLossAndDuplication() {
    Property.of("primary-backup").tries(20).assertHolds();
  }

  @Test
  void acknowledgingWritesBeforeTheBackupsHoldThemIsCaughtAndShrunk() {
    PropertyResult r =
        Property.of("primary-backup")
            .tries(50)
            .set("bug", "async-replication")
            .saveTo(null)
            .check();
    assertFalse(r.held(), "the bug flag must be caught within 50 seeds");
    assertTrue(r.report().contains("./faultline run primary-backup"), r.report());
  }
}
