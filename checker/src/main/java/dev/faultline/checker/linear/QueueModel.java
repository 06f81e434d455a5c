package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A FIFO queue: {@code enqueue} adds at the tail, {@code dequeue} returns the head; a dequeue that
 * returned nil found the queue empty. A dequeue of unknown outcome may remove the head, whatever it
 * is.
 */
final class QueueModel implements Model<List<Object>> {
  private final List<Object> initial;

  QueueModel(Object initial) {
    this.initial =
        initial instanceof Collection<?> c
            ? Collections.unmodifiableList(new ArrayList<>(c))
            : Collections.emptyList();
  }

  @Override
  public String name() {
    return "queue";
  }

  @Override
  public List<Object> init() {
    return initial;
  }

  @Override
  public List<String> functions() {
    return List.of("enqueue", "dequeue");
  }

  @Override
  public boolean isRead(String f) {
    return false;
  }

  @Override
  public List<Object> step(List<Object> state, Operation op) {
    if (op.f().equals("enqueue")) {
      List<Object> next = new ArrayList<>(state.size() + 1);
      next.addAll(state);
      next.add(op.value());
      return Collections.unmodifiableList(next);
    }
    if (state.isEmpty()) {
      return op.outcome() == Outcome.OK && op.value() == null ? state : null;
    }
    if (op.outcome() == Outcome.OK && !Objects.equals(state.get(0), op.value())) {
      return null;
    }
    return Collections.unmodifiableList(new ArrayList<>(state.subList(1, state.size())));
  }

  @Override
  public String describe(List<Object> state) {
    return Models.show(state);
  }
}
