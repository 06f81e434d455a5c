package dev.faultline.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.faultline.archfixtures.EnumHashCodeFixture;
import dev.faultline.archfixtures.GroupingByFixture;
import dev.faultline.archfixtures.HashMapFixture;
import dev.faultline.archfixtures.HashSetFieldFixture;
import dev.faultline.archfixtures.HashtableFixture;
import dev.faultline.archfixtures.IdentityHashCodeFixture;
import dev.faultline.archfixtures.IdentityHashMapFixture;
import dev.faultline.archfixtures.InstantNowFixture;
import dev.faultline.archfixtures.MapCopyOfFixture;
import dev.faultline.archfixtures.MapOfEntriesFixture;
import dev.faultline.archfixtures.MapOfFixture;
import dev.faultline.archfixtures.MessageHashCodeFixture;
import dev.faultline.archfixtures.ObjectHashCodeFixture;
import dev.faultline.archfixtures.OrderedFixture;
import dev.faultline.archfixtures.ParallelStreamFixture;
import dev.faultline.archfixtures.PartitioningByFixture;
import dev.faultline.archfixtures.SetCopyOfFixture;
import dev.faultline.archfixtures.SetOfFixture;
import dev.faultline.archfixtures.StaticArrayFixture;
import dev.faultline.archfixtures.StaticCollectionFixture;
import dev.faultline.archfixtures.StaticMutableFieldFixture;
import dev.faultline.archfixtures.ThreadFixture;
import dev.faultline.archfixtures.ToMapFixture;
import dev.faultline.archfixtures.ToSetFixture;
import dev.faultline.archfixtures.UnseededRandomFixture;
import dev.faultline.archfixtures.WallClockFixture;
import dev.faultline.archfixtures.arrows.checker.CheckerUsesSim;
import dev.faultline.archfixtures.arrows.models.ModelsUseScenarios;
import dev.faultline.archfixtures.arrows.reports.ReportsUseModels;
import dev.faultline.archfixtures.arrows.sim.SimUsesModels;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule flags a fixture class (test sources, dev.faultline.archfixtures) that
 * breaks it, so a rule that stopped biting would fail here rather than pass silently on main code.
 */
class ArchitectureRulesBiteTest {
  private static final String FIXTURES = "dev.faultline.archfixtures..";

  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages("dev.faultline.archfixtures");
  }

  /** Whether a violation of {@code rule} among the fixtures names {@code fixture}. */
  private static boolean flags(ArchRule rule, Class<?> fixture) {
    EvaluationResult result = rule.evaluate(fixtures);
    return result.getFailureReport().getDetails().stream()
        .anyMatch(
            d ->
                d.contains("<" + fixture.getName() + ">")
                    || d.contains("<" + fixture.getName() + "."));
  }

  private static void assertFlags(ArchRule rule, Class<?>... flagged) {
    for (Class<?> fixture : flagged) {
      assertTrue(
          flags(rule, fixture),
          "the rule '" + rule.getDescription() + "' does not flag " + fixture);
    }
  }

  @Test
  void theWallClockRuleFlagsAClassThatReadsTheClock() {
    assertFlags(
        ArchitectureRules.noWallClock(FIXTURES), WallClockFixture.class, InstantNowFixture.class);
  }

  @Test
  void theRandomnessRuleFlagsAnUnseededRandom() {
    assertFlags(ArchitectureRules.noUnseededRandomness(FIXTURES), UnseededRandomFixture.class);
  }

  @Test
  void theThreadRuleFlagsThreadsAndParallelStreams() {
    assertFlags(
        ArchitectureRules.noThreads(FIXTURES), ThreadFixture.class, ParallelStreamFixture.class);
  }

  @Test
  void theHashCollectionRuleFlagsConstructorsAndFieldTypes() {
    assertFlags(
        ArchitectureRules.noHashCollections(FIXTURES),
        HashMapFixture.class,
        HashSetFieldFixture.class,
        HashtableFixture.class,
        IdentityHashMapFixture.class);
  }

  @Test
  void theFactoryRuleFlagsSetOfMapOfAndTheirCopies() {
    assertFlags(
        ArchitectureRules.noUnorderedFactories(FIXTURES),
        SetOfFixture.class,
        MapOfFixture.class,
        MapOfEntriesFixture.class,
        SetCopyOfFixture.class,
        MapCopyOfFixture.class);
  }

  @Test
  void theCollectorRuleFlagsCollectorsWithoutAnOrderedSupplier() {
    assertFlags(
        ArchitectureRules.noUnorderedCollectors(FIXTURES),
        ToSetFixture.class,
        ToMapFixture.class,
        GroupingByFixture.class,
        PartitioningByFixture.class);
  }

  @Test
  void theIdentityHashRuleFlagsHashCodesOfMessagesObjectsAndEnums() {
    assertFlags(
        ArchitectureRules.noIdentityHashes(FIXTURES),
        MessageHashCodeFixture.class,
        ObjectHashCodeFixture.class,
        EnumHashCodeFixture.class,
        IdentityHashCodeFixture.class);
  }

  @Test
  void theStaticStateRulesFlagStaticFieldsCollectionsAndArrays() {
    assertFlags(ArchitectureRules.noStaticMutableFields(FIXTURES), StaticMutableFieldFixture.class);
    assertFlags(
        ArchitectureRules.noStaticCollections(FIXTURES),
        StaticCollectionFixture.class,
        StaticArrayFixture.class);
  }

  @Test
  void theModuleArrowsFlagEveryBackwardDependency() {
    assertFlags(
        ArchitectureRules.moduleArrows("dev.faultline.archfixtures.arrows"),
        CheckerUsesSim.class,
        SimUsesModels.class,
        ModelsUseScenarios.class,
        ReportsUseModels.class);
  }

  @Test
  void orderedCollectionsAndSuppliedCollectorsPassEveryRule() {
    for (ArchRule rule :
        List.of(
            ArchitectureRules.noWallClock(FIXTURES),
            ArchitectureRules.noUnseededRandomness(FIXTURES),
            ArchitectureRules.noThreads(FIXTURES),
            ArchitectureRules.noHashCollections(FIXTURES),
            ArchitectureRules.noUnorderedFactories(FIXTURES),
            ArchitectureRules.noUnorderedCollectors(FIXTURES),
            ArchitectureRules.noIdentityHashes(FIXTURES),
            ArchitectureRules.noStaticMutableFields(FIXTURES),
            ArchitectureRules.noStaticCollections(FIXTURES))) {
      assertFalse(flags(rule, OrderedFixture.class), rule.getDescription());
    }
  }
}
