package dev.faultline.scenarios.dynamo;

import dev.faultline.checker.linear.Model;
import dev.faultline.checker.linear.Models;
import dev.faultline.checker.linear.Operation;
import dev.faultline.checker.linear.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * A read/write register whose reads may return siblings. A read that returned one value (or nil)
 * must see exactly that; a read that returned a list of siblings is legal when the register holds
 * any one of them, since the client is handed every concurrent version and resolves them itself.
 *
 * <p>The plain register model would reject every sibling read (a list is never the register's
 * value), and picking one sibling for it would make the verdict depend on which one we picked.
 */
final class SiblingRegister implements Model<SiblingRegister.Cell> {
  /** The register's content; a record so that an empty (nil) register is a non-null state. */
  record Cell(Object value) {}

  @Override
  public String name() {
    return "sibling-register";
  }

  @Override
  public Cell init() {
    return new Cell(null);
  }

  @Override
  public List<String> functions() {
    return List.of("read", "write");
  }

  @Override
  public boolean isRead(String f) {
    return f.equals("read");
  }

  @Override
  public String checkValue(String f, Object value, Outcome outcome) {
    if (f.equals("write") && !(value instanceof Long)) {
      return "a write needs a number, not " + Models.show(value);
    }
    return null;
  }

  @Override
  public Cell step(Cell state, Operation op) {
    if (op.f().equals("write")) {
      return new Cell(op.value());
    }
    Object read = op.value();
    if (read instanceof List<?> siblings) {
      // Siblings are never nil; and immutable lists refuse contains(null).
      return state.value() != null && siblings.contains(state.value()) ? state : null;
    }
    return Objects.equals(state.value(), read) ? state : null;
  }

  @Override
  public String describe(Cell state) {
    return Models.show(state.value());
  }
}
