package dev.faultline.checker.linear;

import java.util.List;
import java.util.Objects;

/**
 * A read/write register, and with {@code cas} a compare-and-set register. A nil read under Jepsen's
 * rules is dropped before it reaches the model; under Porcupine's it means the register is empty.
 */
final class RegisterModel implements Model<RegisterModel.Cell> {
  /** The register's content; a record so that an empty (nil) register is a non-null state. */
  record Cell(Object value) {}

  private final boolean cas;
  private final Cell initial;

  RegisterModel(boolean cas, Object initial) {
    this.cas = cas;
    this.initial = new Cell(initial);
  }

  @Override
  public String name() {
    return cas ? "cas-register" : "register";
  }

  @Override
  public Cell init() {
    return initial;
  }

  @Override
  public List<String> functions() {
    return cas ? List.of("read", "write", "cas") : List.of("read", "write");
  }

  @Override
  public boolean isRead(String f) {
    return f.equals("read");
  }

  @Override
  public boolean failIsObservation(String f) {
    return f.equals("cas");
  }

  @Override
  public String checkValue(String f, Object value, Outcome outcome) {
    if (f.equals("cas") && !(value instanceof List<?> l && l.size() == 2)) {
      return "a cas needs the value [expected new], not " + Models.show(value);
    }
    return null;
  }

  @Override
  public Cell step(Cell state, Operation op) {
    Object v = op.value();
    switch (op.f()) {
      case "read":
        return Objects.equals(state.value(), v) ? state : null;
      case "write":
        return new Cell(v);
      default:
        List<?> pair = (List<?>) v;
        boolean matches = Objects.equals(state.value(), pair.get(0));
        if (op.outcome() == Outcome.FAILED) {
          return matches ? null : state;
        }
        return matches ? new Cell(pair.get(1)) : null;
    }
  }

  @Override
  public String describe(Cell state) {
    return Models.show(state.value());
  }
}
