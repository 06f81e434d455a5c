package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private final Map<S, Integer> ids = new HashMap<>();
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
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    int n = states.size();
    states.add(s);
    ids.put(s, n);
    return n;
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
