package dev.faultline.scenarios;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.faultline.sim.Message;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The determinism rules DESIGN.md states for {@code sim} and {@code models}, one rule per hole,
 * each over the packages it is given: ArchitectureTest applies them to the main code, and
 * ArchitectureRulesBiteTest to fixture classes that break them, to prove that each one bites.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static ArchRule noWallClock(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethodWhere(
            target(name("now"))
                .and(
                    target(
                        owner(
                            belongToAnyOf(
                                java.time.Instant.class,
                                java.time.LocalDateTime.class,
                                java.time.LocalDate.class,
                                java.time.LocalTime.class,
                                java.time.OffsetDateTime.class,
                                java.time.ZonedDateTime.class)))))
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(java.time.Clock.class, "systemDefaultZone")
        .because("time comes from the simulation (DESIGN.md, determinism rules)");
  }

  static ArchRule noUnseededRandomness(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
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
  }

  static ArchRule noThreads(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould()
        .callMethod(Collection.class, "parallelStream")
        .orShould()
        .callMethodWhere(
            target(name("parallel"))
                .and(target(owner(assignableTo(java.util.stream.BaseStream.class)))))
        .because("a simulation is one thread");
  }

  /** HashMap and its kin iterate in hash order; as field types they invite it. */
  static ArchRule noHashCollections(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            HashMap.class, HashSet.class, Hashtable.class, IdentityHashMap.class, WeakHashMap.class)
        .because(
            "iteration order must not depend on hashes that differ between runs or JDKs:"
                + " use TreeMap, LinkedHashMap, EnumMap or EnumSet");
  }

  /** Set.of, Map.of and their copies iterate in an order salted per JVM run. */
  static ArchRule noUnorderedFactories(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethodWhere(
            target(nameMatching("of|copyOf")).and(target(owner(belongToAnyOf(Set.class)))))
        .orShould()
        .callMethodWhere(
            target(nameMatching("of|ofEntries|copyOf"))
                .and(target(owner(belongToAnyOf(Map.class)))))
        .because(
            "Set.of and Map.of iterate in an order salted per JVM: use List.of, TreeSet, TreeMap"
                + " or LinkedHashMap");
  }

  /** Collectors that build hash sets and maps unless handed an ordered supplier. */
  static ArchRule noUnorderedCollectors(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethodWhere(
            target(
                    nameMatching(
                        "toSet|toUnmodifiableSet|toUnmodifiableMap|toConcurrentMap"
                            + "|partitioningBy|groupingByConcurrent"))
                .and(target(owner(belongToAnyOf(Collectors.class)))))
        .orShould()
        .callMethod(Collectors.class, "toMap", Function.class, Function.class)
        .orShould()
        .callMethod(Collectors.class, "toMap", Function.class, Function.class, BinaryOperator.class)
        .orShould()
        .callMethod(Collectors.class, "groupingBy", Function.class)
        .orShould()
        .callMethod(Collectors.class, "groupingBy", Function.class, Collector.class)
        .because("without a map supplier these collect into hash-ordered sets and maps");
  }

  /** Identity hashes, and the hashCode of messages, enums or plain objects, differ per run. */
  static ArchRule noIdentityHashes(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethod(System.class, "identityHashCode", Object.class)
        .orShould()
        .callMethodWhere(
            target(name("hashCode"))
                .and(
                    target(
                        owner(
                            belongToAnyOf(Object.class)
                                .or(assignableTo(Message.class))
                                .or(assignableTo(Enum.class))))))
        .orShould()
        .callMethodWhere(
            target(nameMatching("hash|hashCode")).and(target(owner(belongToAnyOf(Objects.class)))))
        .because(
            "an identity or enum hash differs between runs: hash structurally"
                + " (dev.faultline.sim.trace.StructuralHash)");
  }

  static ArchRule noStaticMutableFields(String... packages) {
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(packages)
        .and()
        .areStatic()
        .and()
        .doNotHaveModifier(JavaModifier.SYNTHETIC)
        .should()
        .notBeFinal()
        .because("nodes of one simulation, and simulations of one sweep, share nothing");
  }

  /** A static final collection, map or array is still shared mutable state. */
  static ArchRule noStaticCollections(String... packages) {
    DescribedPredicate<JavaClass> mutable =
        assignableTo(Collection.class)
            .or(assignableTo(Map.class))
            .or(DescribedPredicate.describe("an array", JavaClass::isArray));
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(packages)
        .and()
        .areStatic()
        .and()
        .doNotHaveModifier(JavaModifier.SYNTHETIC)
        .should()
        .haveRawType(mutable)
        .because(
            "a static collection or array is state shared by every node and simulation: keep"
                + " tables in instances, or compute them");
  }

  /** The module arrows of DESIGN.md, for the modules under {@code root} (dev.faultline). */
  static ArchRule moduleArrows(String root) {
    String checker = root + ".checker..";
    String sim = root + ".sim..";
    String models = root + ".models..";
    String reports = root + ".reports..";
    String scenarios = root + ".scenarios..";
    return CompositeArchRule.of(arrow(checker, sim, models, reports, scenarios))
        .and(arrow(sim, checker, models, reports, scenarios))
        .and(arrow(models, checker, reports, scenarios))
        .and(arrow(reports, models, scenarios));
  }

  private static ArchRule arrow(String from, String... notTo) {
    return noClasses()
        .that()
        .resideInAPackage(from)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(notTo)
        .allowEmptyShould(true)
        .because("dependencies point one way (DESIGN.md, modules)");
  }
}
