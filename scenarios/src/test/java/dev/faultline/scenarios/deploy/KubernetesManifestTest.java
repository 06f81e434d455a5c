package dev.faultline.scenarios.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import dev.faultline.scenarios.cli.ProjectRoot;
import dev.faultline.scenarios.sweep.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes manifests in deploy/kubernetes make an Indexed Job whose pods each run one shard
 * of a {@code faultline sweep} the command line accepts, onto a shared volume (no API server is
 * reachable here, so the manifest is read, not applied).
 */
class KubernetesManifestTest {
  private static final Path DIR = ProjectRoot.find().resolve("deploy").resolve("kubernetes");

  private static List<JsonNode> documents(String file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(DIR.resolve(file).toFile())) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  private static JsonNode kind(List<JsonNode> docs, String kind) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  /** The faultline command line in a container's shell script, its variables filled in. */
  private static List<String> faultlineArgs(JsonNode container, Map<String, String> extraEnv) {
    Map<String, String> env = new TreeMap<>(extraEnv);
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertEquals("/bin/sh", container.path("command").get(0).asText());
    String script = container.path("args").get(0).asText();
    String line =
        script.lines().filter(l -> l.strip().startsWith("faultline ")).findFirst().orElseThrow();
    List<String> words = shellWords(line.strip(), env);
    assertEquals("faultline", words.get(0));
    return words.subList(1, words.size());
  }

  /** Splits a simple shell line: double quotes group, $NAME expands, no other expansion. */
  private static List<String> shellWords(String line, Map<String, String> env) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == '$') {
        int j = i + 1;
        while (j < line.length()
            && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
          j++;
        }
        String name = line.substring(i + 1, j);
        assertTrue(env.containsKey(name), "the script uses $" + name + ", which nothing sets");
        w.append(env.get(name));
        any = true;
        i = j - 1;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words;
  }

  private static String after(List<String> args, String option) {
    int i = args.indexOf(option);
    assertTrue(i >= 0 && i + 1 < args.size(), "the command has no " + option + ": " + args);
    return args.get(i + 1);
  }

  @Test
  void theSweepIsAnIndexedJobWhosePodsEachRunTheirShardOntoTheSharedVolume() throws IOException {
    List<JsonNode> docs = documents("sweep-job.yaml");
    JsonNode job = kind(docs, "Job");
    JsonNode spec = job.path("spec");
    assertEquals("batch/v1", job.path("apiVersion").asText());
    assertEquals("Indexed", spec.path("completionMode").asText());
    int completions = spec.path("completions").asInt();
    assertTrue(completions > 1, "several shards");
    assertTrue(spec.path("backoffLimitPerIndex").asInt() >= 1, "a dead pod's shard is retried");
    JsonNode pod = spec.path("template").path("spec");
    assertEquals("Never", pod.path("restartPolicy").asText(), "backoffLimitPerIndex needs it");
    JsonNode container = pod.path("containers").get(0);
    List<String> args = faultlineArgs(container, Map.of(Shard.INDEX_VARIABLE, "3"));

    assertEquals("sweep", args.get(0));
    assertEquals("3/" + completions, after(args, "--shard"), "one shard per completion index");
    assertTrue(args.contains("--resume"), "a retried shard keeps the seeds already done");
    String results = after(args, "--results");
    String mount = container.path("volumeMounts").get(0).path("mountPath").asText();
    assertTrue(results.startsWith(mount + "/"), results + " is on the shared volume " + mount);
    assertTrue(results.contains("3"), "each shard writes a file of its own: " + results);
    String volume = container.path("volumeMounts").get(0).path("name").asText();
    JsonNode volumes = pod.path("volumes");
    String claim = volumes.get(0).path("persistentVolumeClaim").path("claimName").asText();
    assertEquals(volume, volumes.get(0).path("name").asText());
    JsonNode pvc = kind(docs, "PersistentVolumeClaim");
    assertEquals(claim, pvc.path("metadata").path("name").asText());
    assertEquals("ReadWriteMany", pvc.path("spec").path("accessModes").get(0).asText());

    // The command line accepts exactly these arguments.
    CommandLine.ParseResult parsed = Faultline.commandLine().parseArgs(args.toArray(new String[0]));
    assertTrue(parsed.hasSubcommand());
    assertEquals("sweep", parsed.subcommand().commandSpec().name());

    JsonNode rules = spec.path("podFailurePolicy").path("rules");
    List<Integer> failIndex = new ArrayList<>();
    rules.forEach(
        r -> {
          if (r.path("action").asText().equals("FailIndex")) {
            r.path("onExitCodes").path("values").forEach(v -> failIndex.add(v.asInt()));
          }
        });
    assertEquals(List.of(ExitCodes.USAGE, ExitCodes.INTERNAL), failIndex);
  }

  @Test
  void theMergeJobReadsEveryShardFromTheSameVolume() throws IOException {
    JsonNode job = kind(documents("merge-job.yaml"), "Job");
    JsonNode pod = job.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    List<String> args = faultlineArgs(container, Map.of());
    assertEquals("merge", args.get(0));
    String mount = container.path("volumeMounts").get(0).path("mountPath").asText();
    assertTrue(
        args.get(1).startsWith(mount + "/") && args.get(1).endsWith("-shard-*.jsonl"),
        args.toString());
    assertEquals(
        "faultline-results",
        pod.path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText());
  }

  @Test
  void autoShardsTakeTheirIndexFromTheJobAndSayWhenItIsMissing() {
    assertEquals(
        new Shard(3, 20), Shard.resolve("auto/20", Map.of(Shard.INDEX_VARIABLE, "3")::get));
    assertEquals(new Shard(1, 4), Shard.resolve("1/4", name -> null));
    IllegalArgumentException unset =
        assertThrows(IllegalArgumentException.class, () -> Shard.resolve("auto/20", name -> null));
    assertTrue(
        unset.getMessage().contains("JOB_COMPLETION_INDEX, which is not set"), unset.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Shard.resolve("auto/20", Map.of(Shard.INDEX_VARIABLE, "20")::get));
    if (System.getenv(Shard.INDEX_VARIABLE) == null) {
      StringWriter err = new StringWriter();
      int code =
          Faultline.execute(
              new String[] {"sweep", "counter", "--seeds", "1..4", "--shard", "auto/2"},
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertEquals(ExitCodes.USAGE, code, err.toString());
      String first = err.toString().lines().findFirst().orElse("");
      assertTrue(first.startsWith("error: --shard auto/2 takes the shard from"), first);
      assertFalse(err.toString().contains("Exception"), err.toString());
    }
  }

  @Test
  void theImageRecipeBuildsTheJarAndPutsTheLauncherOnThePath() throws IOException {
    String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("scenarios/target/faultline.jar"), dockerfile);
    assertTrue(dockerfile.contains("ENTRYPOINT [\"faultline\"]"), dockerfile);
  }
}
