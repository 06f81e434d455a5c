package dev.faultline.scenarios.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog is found with ServiceLoader, built-in scenarios first, then the user's by name. */
class ScenarioRegistryTest {
  /** The built-in catalog's first four, in the order the services file lists them. */
  private static final List<String> FIRST_BUILT_IN =
      List.of("counter", "dynamo-kv", "raft-kv", "kafka-produce");

  /** The names of the scenarios the built-in services file lists, in its order. */
  private static List<String> builtIn() throws IOException {
    List<String> names = new java.util.ArrayList<>();
    try (var in =
        ScenarioRegistryTest.class.getResourceAsStream(
            "/META-INF/services/" + Scenario.class.getName())) {
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          try {
            names.add(
                ((Scenario) Class.forName(line.strip()).getDeclaredConstructor().newInstance())
                    .name());
          } catch (ReflectiveOperationException e) {
            throw new AssertionError("the services file names " + line, e);
          }
        }
      }
    }
    return names;
  }

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A directory standing for a user's jar: a services file naming {@code classes}. */
  private Path userClasspath(String... classes) throws IOException {
    Path services = tmp.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(Scenario.class.getName()), String.join("\n", classes) + "\n");
    return tmp;
  }

  @Test
  void theBuiltInScenariosComeFromTheServicesFileInTheirOrder() throws IOException {
    List<String> names = ScenarioRegistry.all().stream().map(Scenario::name).toList();
    assertEquals(builtIn(), names);
    assertEquals(FIRST_BUILT_IN, names.subList(0, FIRST_BUILT_IN.size()));
    assertTrue(ScenarioRegistry.find("raft-kv").isPresent());
  }

  @Test
  void aUsersScenariosFollowTheBuiltInOnesByNameInListRunSweepAndCompare() throws IOException {
    String cp =
        userClasspath(
                UserFixtureScenario.Zz.class.getName(), UserFixtureScenario.Aa.class.getName())
            .toString();
    Run list = faultline("--classpath", cp, "list");
    assertEquals(ExitCodes.OK, list.code(), list.err());
    List<String> names =
        list.out()
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("Knobs:"))
            .map(l -> l.split(" ")[0])
            .toList();
    List<String> expected = new java.util.ArrayList<>(builtIn());
    expected.addAll(List.of("aa-user", "zz-user"));
    assertEquals(expected, names);
    for (String[] args :
        List.of(
            new String[] {"run", "zz-user", "--seed", "3", "--classpath", cp},
            new String[] {
              "--classpath",
              cp,
              "sweep",
              "aa-user",
              "--seeds",
              "1..3",
              "--workers",
              "1",
              "--results",
              tmp.resolve("r.jsonl").toString()
            },
            new String[] {
              "compare",
              "aa-user",
              "--seeds",
              "1..2",
              "--vary",
              "duration-ms=100,200",
              "--classpath",
              cp
            })) {
      Run r = faultline(args);
      assertEquals(ExitCodes.OK, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
    }
    assertFalse(
        ScenarioRegistry.find("aa-user").isPresent(),
        "the class path belongs to the command; the next caller starts without it");
  }

  @Test
  void aClassThatCannotBeLoadedANameTakenTwiceOrAMissingJarIsOneSentence() throws IOException {
    String missing = userClasspath("com.example.NoSuchScenario").toString();
    Run r = faultline("--classpath", missing, "list");
    assertOneSentence(r, "cannot be loaded");
    String clash = userClasspath(UserFixtureScenario.Clash.class.getName()).toString();
    assertOneSentence(
        faultline("run", "raft-kv", "--classpath", clash), "two scenarios are called raft-kv");
    assertOneSentence(
        faultline("--classpath", tmp.resolve("nope.jar").toString(), "list"), "does not exist");
  }

  private static void assertOneSentence(Run r, String contains) {
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), first);
    assertTrue(first.contains(contains), first);
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
