package dev.faultline.checker.linear;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The models {@code faultline check} knows by name, and how values are shown. */
public final class Models {
  /** Model names in the order they are listed to users. */
  public static final List<String> NAMES =
      List.of("register", "cas-register", "kv", "mutex", "set", "queue");

  private Models() {}

  /**
   * The model called {@code name}, starting from {@code initial} (null for the model's default:
   * nil, the empty string, free, empty), or null when no model has that name.
   */
  public static Model<?> byName(String name, Object initial) {
    return switch (name) {
      case "register" -> new RegisterModel(false, initial);
      case "cas-register" -> new RegisterModel(true, initial);
      case "kv" -> new KvModel(initial);
      case "mutex" -> new MutexModel(initial);
      case "set" -> new SetModel(initial);
      case "queue" -> new QueueModel(initial);
      default -> null;
    };
  }

  public static Model<?> register(Object initial) {
    return new RegisterModel(false, initial);
  }

  public static Model<?> casRegister(Object initial) {
    return new RegisterModel(true, initial);
  }

  public static Model<?> kv() {
    return new KvModel(null);
  }

  /**
   * The name of the smallest model that knows every function in {@code functions}, or null when
   * none does.
   */
  public static String infer(Collection<String> functions) {
    Set<String> fs = new HashSet<>(functions);
    for (String name : NAMES) {
      if (byName(name, null).functions().containsAll(fs)) {
        return name;
      }
    }
    return null;
  }

  /** Shows a value as EDN would print it: nil, 3, "x", [1 2]. */
  public static String show(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(Models::show).collect(Collectors.joining(" ", "[", "]"));
    }
    return v.toString();
  }
}
