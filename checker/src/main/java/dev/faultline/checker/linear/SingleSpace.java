package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The states of one model object, interned. Transitions are cached in a row per state for the first
 * states (models like registers have few, each stepped many times); beyond them a step is simply
 * recomputed (models like a string store reach a new state in nearly every configuration, so a
 * cache would only cost memory).
 */
final class SingleSpace<S> implements StateSpace {
  private static final int UNSET = -2;
  private static final int ROWS = 256;
  private final Model<S> model;
  private final Operation[] ops;
  private final List<S> states = new ArrayList<>();

  /** Open addressing over {@code states}: slot holds state id + 1, 0 when empty. */
  private int[] table = new int[64];

  private final int[][] rows = new int[ROWS][];

  SingleSpace(Model<S> model, Operation[] ops) {
    this.model = model;
    this.ops = ops;
    intern(model.init());
  }

  @Override
  public int step(int state, int op) {
    if (state >= ROWS) {
      return compute(state, op);
    }
    int[] row = rows[state];
    if (row == null) {
      row = new int[ops.length];
      Arrays.fill(row, UNSET);
      rows[state] = row;
    }
    int t = row[op];
    if (t == UNSET) {
      t = compute(state, op);
      row[op] = t;
    }
    return t;
  }

  private int compute(int state, int op) {
    S current = states.get(state);
    S next = model.step(current, ops[op]);
    return next == null ? -1 : next == current ? state : intern(next);
  }

  private int intern(S s) {
    int mask = table.length - 1;
    int i = Hashing.index(s.hashCode(), mask);
    for (int slot = table[i]; slot != 0; slot = table[i]) {
      if (states.get(slot - 1).equals(s)) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
    int n = states.size();
    states.add(s);
    table[i] = n + 1;
    if (2 * states.size() > table.length) {
      rehash();
    }
    return n;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < states.size(); id++) {
      int i = Hashing.index(states.get(id).hashCode(), mask);
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = id + 1;
    }
    table = bigger;
  }

  @Override
  public String describe(int state) {
    return model.describe(states.get(state));
  }

  @Override
  public int size() {
    return states.size();
  }
}
