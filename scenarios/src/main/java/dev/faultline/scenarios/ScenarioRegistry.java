package dev.faultline.scenarios;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The scenario catalog: every scenario the command line knows, found with {@link ServiceLoader}
 * ({@code META-INF/services/dev.faultline.scenarios.Scenario}) in Faultline's own jar and in the
 * user's jars named by {@code --classpath} or the {@code FAULTLINE_CLASSPATH} environment variable.
 * Built-in scenarios come first, in the order their services file lists them; then the user's, by
 * name. docs/writing-models.md shows a user's scenario.
 */
public final class ScenarioRegistry {
  /** The environment variable that names user jars when {@code --classpath} does not. */
  public static final String ENV = "FAULTLINE_CLASSPATH";

  /** The class path asked for with --classpath, or null for the environment's. */
  private static volatile String requested;

  /** The class path in effect, once checked; null until the next lookup. */
  private static volatile List<Path> userClasspath;

  private static volatile ClassLoader userLoader;

  private ScenarioRegistry() {}

  /**
   * Uses the jars and directories of {@code classpath} (separated by the platform's path separator,
   * {@code :} on Unix) as the user's class path; null means {@code FAULTLINE_CLASSPATH}, or none.
   * Entries are checked at the next lookup.
   */
  public static synchronized void useClasspath(String classpath) {
    requested = classpath;
    userClasspath = null;
    userLoader = null;
  }

  /**
   * Forgets the class path set so far: the next lookup reads {@code FAULTLINE_CLASSPATH} again. The
   * command line calls it before each command.
   */
  public static synchronized void resetClasspath() {
    useClasspath(null);
  }

  /**
   * The user's class path entries in effect (empty when there are none).
   *
   * @throws ScenarioLoadException when an entry does not exist
   */
  public static synchronized List<Path> classpath() {
    if (userClasspath != null) {
      return userClasspath;
    }
    String from = requested != null ? "--classpath" : ENV;
    String cp = requested != null ? requested : System.getenv(ENV);
    List<Path> entries = new ArrayList<>();
    for (String e : cp == null ? new String[0] : cp.split(File.pathSeparator)) {
      if (e.isBlank()) {
        continue;
      }
      Path p = Path.of(e.strip());
      if (!Files.exists(p)) {
        throw new ScenarioLoadException(from + " names " + p + ", which does not exist");
      }
      entries.add(p);
    }
    userClasspath = List.copyOf(entries);
    return userClasspath;
  }

  /**
   * Every scenario: built-in ones in their listed order, then the user's by name. Each call makes
   * fresh scenario objects.
   *
   * @throws ScenarioLoadException when a user's jar names a scenario class that cannot be loaded,
   *     or two scenarios share a name
   */
  public static List<Scenario> all() {
    List<Scenario> builtIn = new ArrayList<>();
    Map<String, Scenario> users = new TreeMap<>();
    Map<String, Scenario> seen = new TreeMap<>();
    try {
      for (Scenario s : ServiceLoader.load(Scenario.class, loader())) {
        Scenario before = seen.putIfAbsent(s.name(), s);
        if (before != null) {
          throw new ScenarioLoadException(
              "two scenarios are called "
                  + s.name()
                  + " ("
                  + before.getClass().getName()
                  + " and "
                  + s.getClass().getName()
                  + "); rename one");
        }
        if (isBuiltIn(s.getClass())) {
          builtIn.add(s);
        } else {
          users.put(s.name(), s);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new ScenarioLoadException(
          "a scenario on the class path cannot be loaded: " + rootMessage(e));
    }
    List<Scenario> out = new ArrayList<>(builtIn);
    out.addAll(users.values());
    return out;
  }

  public static Optional<Scenario> find(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Whether a scenario is shipped with Faultline, in this class's own jar or directory. */
  private static boolean isBuiltIn(Class<?> c) {
    CodeSource ours = ScenarioRegistry.class.getProtectionDomain().getCodeSource();
    CodeSource theirs = c.getProtectionDomain().getCodeSource();
    if (ours == null || theirs == null) {
      return c.getClassLoader() == ScenarioRegistry.class.getClassLoader();
    }
    return Objects.equals(ours.getLocation(), theirs.getLocation());
  }

  private static synchronized ClassLoader loader() {
    if (userLoader == null) {
      ClassLoader parent = ScenarioRegistry.class.getClassLoader();
      List<Path> cp = classpath();
      if (cp.isEmpty()) {
        userLoader = parent;
      } else {
        URL[] urls = new URL[cp.size()];
        for (int i = 0; i < urls.length; i++) {
          try {
            urls[i] = cp.get(i).toUri().toURL();
          } catch (MalformedURLException e) {
            throw new ScenarioLoadException(cp.get(i) + " is not a jar or directory path");
          }
        }
        userLoader = new URLClassLoader("faultline-user", urls, parent);
      }
    }
    return userLoader;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t == e ? e.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
    return m == null ? e.toString() : m.replaceAll("\\s+", " ").strip();
  }
}
