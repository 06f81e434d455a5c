package dev.faultline.scenarios.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code faultline} command line. */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "A deterministic distributed-systems simulator and history checker.",
    subcommands = {
      CommandLine.HelpCommand.class,
      VersionCommand.class,
      TourCommand.class,
      RunCommand.class,
      SweepCommand.class,
      ListCommand.class,
      MergeCommand.class,
      CompareCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      GenHistoryCommand.class,
      RingStatsCommand.class,
    })
public final class Faultline implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; used by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Faultline());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("error: " + oneSentence(ex.getMessage()));
          cmd.usage(cmd.getErr());
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          RuntimeException problem = usersProblem(ex);
          if (problem != null) {
            // Knobs a scenario found inconsistent (say r > n) only when it ran, or a report that
            // could not be written: the user's to fix, not a bug.
            cmd.getErr().println("error: " + oneSentence(problem.getMessage()));
            return ExitCodes.USAGE;
          }
          if (ex instanceof UserError user) {
            cmd.getErr().println("error: " + oneSentence(user.getMessage()));
            if (user.showUsage()) {
              cmd.usage(cmd.getErr());
            }
            return user.exitCode();
          }
          cmd.getErr().println("internal error (a bug in faultline, please report it):");
          ex.printStackTrace(cmd.getErr());
          return ExitCodes.INTERNAL;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static RuntimeException usersProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof dev.faultline.scenarios.KnobException
          || t instanceof dev.faultline.scenarios.report.ReportException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }

  private static String oneSentence(String message) {
    if (message == null || message.isBlank()) {
      return "invalid arguments.";
    }
    String m = message.strip();
    return m.endsWith(".") ? m : m + ".";
  }
}
