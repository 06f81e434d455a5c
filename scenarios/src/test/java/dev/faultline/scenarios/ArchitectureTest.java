package dev.faultline.scenarios;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules DESIGN.md sets, enforced on the compiled main code of every module: determinism in
 * {@code sim} and {@code models}, and the one-way arrows between modules. The rules themselves are
 * in {@link ArchitectureRules}; ArchitectureRulesBiteTest proves each one flags a class that breaks
 * it.
 */
class ArchitectureTest {
  static final String[] DETERMINISTIC = {"dev.faultline.sim..", "dev.faultline.models.."};
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline");
  }

  @Test
  void simAndModelsNeverReadTheWallClock() {
    ArchitectureRules.noWallClock(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsNeverDrawUnseededRandomness() {
    ArchitectureRules.noUnseededRandomness(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsStartNoThreads() {
    ArchitectureRules.noThreads(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsUseNoHashCollections() {
    ArchitectureRules.noHashCollections(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsUseNoSetOfOrMapOf() {
    ArchitectureRules.noUnorderedFactories(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsCollectOnlyIntoOrderedSetsAndMaps() {
    ArchitectureRules.noUnorderedCollectors(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsNeverUseIdentityOrEnumHashes() {
    ArchitectureRules.noIdentityHashes(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsKeepNoStaticMutableState() {
    ArchitectureRules.noStaticMutableFields(DETERMINISTIC).check(classes);
  }

  @Test
  void simAndModelsKeepNoStaticCollectionsOrArrays() {
    ArchitectureRules.noStaticCollections(DETERMINISTIC).check(classes);
  }

  @Test
  void modulesDependOnlyAsDesignMdDraws() {
    ArchitectureRules.moduleArrows("dev.faultline").check(classes);
  }
}
