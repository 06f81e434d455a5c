package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.bench.Benchmark;
import dev.faultline.scenarios.bench.Benchmarks;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline bench TARGET}: measures one part of Faultline and prints its figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure a part of Faultline (see BENCHMARKS.md). Targets: sim, checker, ...")
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "What to measure.")
  String target;

  @Override
  public Integer call() throws Exception {
    Benchmark bench =
        Benchmarks.all().stream()
            .filter(b -> b.name().equals(target))
            .findFirst()
            .orElseThrow(
                () ->
                    new UserError(
                        "unknown bench target '"
                            + target
                            + "'; known targets: "
                            + Benchmarks.all().stream()
                                .map(Benchmark::name)
                                .collect(Collectors.joining(", "))));
    bench.run(spec.commandLine().getOut(), ProjectRoot.find());
    return ExitCodes.OK;
  }
}
