package dev.faultline.checker.linear;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A set: {@code add} inserts an element, {@code read} returns every element (in any order). */
final class SetModel implements Model<Set<Object>> {
  private final Set<Object> initial;

  SetModel(Object initial) {
    this.initial =
        initial instanceof Collection<?> c
            ? Collections.unmodifiableSet(new HashSet<>(c))
            : Collections.emptySet();
  }

  @Override
  public String name() {
    return "set";
  }

  @Override
  public Set<Object> init() {
    return initial;
  }

  @Override
  public List<String> functions() {
    return List.of("add", "read");
  }

  @Override
  public boolean isRead(String f) {
    return f.equals("read");
  }

  @Override
  public String checkValue(String f, Object value, Outcome outcome) {
    if (f.equals("read") && !(value instanceof List<?>)) {
      return "a read of a set returns a collection, not " + Models.show(value);
    }
    if (f.equals("add") && value instanceof List<?>) {
      return "an add takes one element, not " + Models.show(value);
    }
    return null;
  }

  @Override
  public Set<Object> step(Set<Object> state, Operation op) {
    if (op.f().equals("read")) {
      return state.equals(new HashSet<>((List<?>) op.value())) ? state : null;
    }
    if (state.contains(op.value())) {
      return state;
    }
    Set<Object> next = new HashSet<>(state);
    next.add(op.value());
    return Collections.unmodifiableSet(next);
  }

  @Override
  public String describe(Set<Object> state) {
    return "#{" + String.join(" ", state.stream().map(Models::show).sorted().toList()) + "}";
  }
}
