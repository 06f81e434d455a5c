package dev.faultline.scenarios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faultline version}: the version of the tool and of the JVM it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    return ExitCodes.OK;
  }

  /** Supplies the version for {@code --version} and {@code version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Faultline.class.getPackage().getImplementationVersion();
      return new String[] {
        "faultline " + (v == null ? "0.1.0-SNAPSHOT" : v),
        "java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
