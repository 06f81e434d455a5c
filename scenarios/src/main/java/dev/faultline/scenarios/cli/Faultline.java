package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.ScenarioRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code faultline} command line. */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "A deterministic distributed-systems simulator and history checker.")
public final class Faultline implements Runnable {
  /**
   * The subcommands, in the order usage lists them. Only the one a command line names is built
   * (picocli's model of every command costs tens of milliseconds at each start); {@code help}, a
   * root option or an unknown word gets them all.
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          VersionCommand.class,
          TourCommand.class,
          RunCommand.class,
          SweepCommand.class,
          ListCommand.class,
          MergeCommand.class,
          DiffCommand.class,
          CompareCommand.class,
          MatrixCommand.class,
          ReplayCommand.class,
          ShrinkCommand.class,
          BenchCommand.class,
          CheckCommand.class,
          GenHistoryCommand.class,
          RingStatsCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The whole command line, every subcommand registered (for tests that parse arguments). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /** The command line with the subcommand {@code args} name, or with all of them. */
  private static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Faultline());
    Class<?> only = null;
    for (Class<?> c : SUBCOMMANDS) {
      if (args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])) {
        only = c == CommandLine.HelpCommand.class ? null : c;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || only == c) {
        cli.addSubcommand(c);
      }
    }
    return cli;
  }

  /** Inherited by every subcommand, so it may stand before or after the command's name. */
  @Option(
      names = "--classpath",
      paramLabel = "JARS",
      scope = ScopeType.INHERIT,
      description =
          "Jars or directories with scenarios of your own (separated by '"
              + "${sys:path.separator}'; default: $FAULTLINE_CLASSPATH); see"
              + " docs/writing-models.md.")
  void classpath(String jars) {
    ScenarioRegistry.useClasspath(jars);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    CommandClock.startedWithProcess();
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; used by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    ScenarioRegistry.resetClasspath();
    CommandLine cli = commandLine(args);
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
          if (causedBy(ex, OutOfMemoryError.class)) {
            cmd.getErr()
                .println("error: " + OutOfMemory.sentence("running " + cmd.getCommandName()));
            return ExitCodes.UNKNOWN;
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
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("error: " + OutOfMemory.sentence("running faultline"));
      code = ExitCodes.UNKNOWN;
    } finally {
      // The class path is the command's: callers in the same JVM (tests) start afresh.
      ScenarioRegistry.resetClasspath();
      out.flush();
      err.flush();
    }
    return code;
  }

  private static RuntimeException usersProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof dev.faultline.scenarios.KnobException
          || t instanceof dev.faultline.scenarios.ScenarioLoadException
          || t instanceof dev.faultline.scenarios.report.ReportException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The message as one line of printable text: a control character quoted from a broken input (a
   * carriage return, a tab, a byte of a binary file) is shown escaped, and a message quoting a huge
   * line is cut, so that the error stays one readable sentence.
   */
  static String oneSentence(String message) {
    if (message == null || message.isBlank()) {
      return "invalid arguments.";
    }
    StringBuilder sb = new StringBuilder();
    String m = message.strip();
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (sb.length() > 600) {
      sb.setLength(597);
      sb.append("...");
    }
    return sb.charAt(sb.length() - 1) == '.' ? sb.toString() : sb + ".";
  }
}
