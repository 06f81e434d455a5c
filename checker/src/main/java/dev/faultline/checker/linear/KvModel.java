package dev.faultline.checker.linear;

import java.util.List;

/**
 * One key of Porcupine's key-value store: a string that {@code get} returns whole, {@code put}
 * replaces and {@code append} extends. Each key starts as the empty string (or the initial value).
 */
final class KvModel implements Model<Text> {
  private final Text initial;

  KvModel(Object initial) {
    this.initial = Text.of(initial == null ? "" : initial.toString());
  }

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public Text init() {
    return initial;
  }

  @Override
  public List<String> functions() {
    return List.of("get", "put", "append");
  }

  @Override
  public boolean isRead(String f) {
    return f.equals("get");
  }

  @Override
  public String checkValue(String f, Object value, Outcome outcome) {
    if (!f.equals("get") && !(value instanceof String)) {
      return "a " + f + " needs a string value, not " + Models.show(value);
    }
    if (f.equals("get") && value != null && !(value instanceof String)) {
      return "a get returns a string, not " + Models.show(value);
    }
    return null;
  }

  @Override
  public Text step(Text state, Operation op) {
    String v = (String) op.value();
    return switch (op.f()) {
      case "get" -> state.contentEquals(v == null ? "" : v) ? state : null;
      case "put" -> Text.of(v);
      default -> state.append(v);
    };
  }

  @Override
  public String describe(Text state) {
    return Models.show(state.toString());
  }
}
