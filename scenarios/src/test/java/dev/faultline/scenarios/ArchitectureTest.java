package dev.faultline.scenarios;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules DESIGN.md sets, enforced on the compiled main code of every module: determinism in
 * {@code sim} and {@code models}, and the one-way arrows between modules.
 */
class ArchitectureTest {
  private static final String[] DETERMINISTIC = {"dev.faultline.sim..", "dev.faultline.models.."};
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
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(DETERMINISTIC)
            .should()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.ZonedDateTime.class, "now")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("time comes from the simulation (DESIGN.md, determinism rules)");
    rule.check(classes);
  }

  @Test
  void simAndModelsNeverDrawUnseededRandomness() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(DETERMINISTIC)
            .should()
            .callMethod(Math.class, "random")
            .orShould()
            .callConstructor(java.util.Random.class)
            .orShould()
            .callConstructor(java.security.SecureRandom.class)
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.util.concurrent.ThreadLocalRandom.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.util.SplittableRandom.class)
            .because("randomness comes from the simulation's seeded streams");
    rule.check(classes);
  }

  @Test
  void simAndModelsStartNoThreads() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(DETERMINISTIC)
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Thread.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("java.util.concurrent..")
            .orShould()
            .callMethod(java.util.Collection.class, "parallelStream")
            .orShould()
            .callMethod(java.util.stream.Stream.class, "parallel")
            .orShould()
            .callMethod(java.util.stream.IntStream.class, "parallel")
            .orShould()
            .callMethod(java.util.stream.LongStream.class, "parallel")
            .because("a simulation is one thread");
    rule.check(classes);
  }

  @Test
  void simAndModelsNeverDependOnHashOrIdentityOrder() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(DETERMINISTIC)
            .should()
            .callConstructorWhere(
                com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                            java.util.HashMap.class,
                            java.util.HashSet.class,
                            java.util.IdentityHashMap.class,
                            java.util.WeakHashMap.class))))
            .orShould()
            .callMethod(java.util.Set.class, "of", Object[].class)
            .orShould()
            .callMethod(System.class, "identityHashCode", Object.class)
            .orShould()
            .callMethod(java.util.stream.Collectors.class, "toSet")
            .orShould()
            .callMethod(
                java.util.stream.Collectors.class, "groupingBy", java.util.function.Function.class)
            .because(
                "iteration order must not depend on hashes that differ between runs or JDKs:"
                    + " use TreeMap, LinkedHashMap, EnumMap or EnumSet");
    rule.check(classes);
  }

  @Test
  void simAndModelsKeepNoStaticMutableState() {
    ArchRule rule =
        noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DETERMINISTIC)
            .and()
            .haveModifier(JavaModifier.STATIC)
            .and()
            .doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should()
            .notBeFinal()
            .because("nodes of one simulation, and simulations of one sweep, share nothing");
    rule.check(classes);
  }

  @Test
  void modulesDependOnlyAsDesignMdDraws() {
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.checker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.faultline.sim..",
            "dev.faultline.models..",
            "dev.faultline.reports..",
            "dev.faultline.scenarios..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.faultline.checker..",
            "dev.faultline.models..",
            "dev.faultline.reports..",
            "dev.faultline.scenarios..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.models..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.faultline.checker..", "dev.faultline.reports..", "dev.faultline.scenarios..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.faultline.models..", "dev.faultline.scenarios..")
        .allowEmptyShould(true) // reports has few classes yet
        .check(classes);
  }
}
