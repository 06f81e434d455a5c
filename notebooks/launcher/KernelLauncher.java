package dev.faultline.notebooks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Starts the Java kernel (rapaio-jupyter-kernel) in this JVM and says on standard output, which the
 * runner reads from the kernel's log, when it can take messages, or that it cannot.
 *
 * <p>Version 3.0.1 has two start-up races, both seen in its logs. A channel's loop thread can read
 * its running flag before the thread that started it sets it, and end at once: that channel then
 * never answers, with nothing logged. And the shell channel polls for messages before the kernel
 * has installed its message handlers: a message that comes too early is dropped ("Unhandled
 * message") or kills the shell thread. So this launcher runs the kernel's own main method on a
 * thread of its own and watches it from outside, through public APIs only: once that thread is
 * waiting in {@code joinUntilClose} (the handlers are installed by then) and the heartbeat, shell
 * and control loop threads are all alive (the heartbeat's thread is named {@code Heartbeat-N}, the
 * other two both {@code Shell-N}), it prints {@value #READY}; the runner sends nothing before. If a
 * loop thread has already ended, it prints {@value #RACE} and exits with {@value #RACE_EXIT} at
 * once, so that the runner starts another kernel instead of waiting for a reply that will never
 * come. It never touches the kernel's classes beyond calling their main method.
 */
public final class KernelLauncher {
  static final String KERNEL_MAIN = "org.rapaio.jupyter.kernel.MainApp";
  static final String READY = "faultline-kernel: ready";
  static final String RACE = "faultline-kernel: a channel loop ended at start-up";
  static final int RACE_EXIT = 75;

  /**
   * The kernel's loop threads, by name prefix, and how many of each it starts: the heartbeat's is
   * {@code Heartbeat-N}; the shell's and the control channel's are both named {@code Shell-N}.
   */
  static final Map<String, Integer> LOOPS = new TreeMap<>(Map.of("Heartbeat-", 1, "Shell-", 2));

  /** A loop that lost the race ends within microseconds; this is ample on a loaded machine. */
  static final long SETTLE_MILLIS = 200;

  private KernelLauncher() {}

  public static void main(String[] args) throws Exception {
    long limitMillis = Long.getLong("faultline.kernel.startMillis", 120_000);
    Method kernelMain = Class.forName(KERNEL_MAIN).getMethod("main", String[].class);
    Thread kernel =
        new Thread(
            () -> {
              try {
                kernelMain.invoke(null, (Object) args);
              } catch (InvocationTargetException | IllegalAccessException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                System.out.println("faultline-kernel: the kernel stopped: " + cause);
                System.out.flush();
                Runtime.getRuntime().halt(70);
              }
            },
            "kernel-main");
    kernel.start();
    long deadline = System.currentTimeMillis() + limitMillis;
    while (!connected(kernel)) {
      if (!kernel.isAlive() || System.currentTimeMillis() > deadline) {
        System.out.println("faultline-kernel: the kernel never bound its channels");
        System.out.flush();
        Runtime.getRuntime().halt(RACE_EXIT);
      }
      Thread.sleep(10);
    }
    Thread.sleep(SETTLE_MILLIS);
    List<String> ended = endedLoops();
    if (!ended.isEmpty()) {
      System.out.println(RACE + ": " + String.join(", ", ended));
      System.out.flush();
      Runtime.getRuntime().halt(RACE_EXIT);
    }
    System.out.println(READY);
    System.out.flush();
    kernel.join();
  }

  /** True once the kernel's main thread has bound every channel and waits for them to close. */
  static boolean connected(Thread kernel) {
    return Arrays.stream(kernel.getStackTrace())
        .anyMatch(f -> f.getMethodName().equals("joinUntilClose"));
  }

  /** The loop threads that are not alive: never started, or started and already ended. */
  static List<String> endedLoops() {
    List<String> ended = new ArrayList<>();
    Set<Thread> threads = Thread.getAllStackTraces().keySet();
    LOOPS.forEach(
        (prefix, expected) -> {
          long alive =
              threads.stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
          if (alive < expected) {
            ended.add((expected - alive) + " of " + expected + " " + prefix + "* threads");
          }
        });
    return ended;
  }
}
