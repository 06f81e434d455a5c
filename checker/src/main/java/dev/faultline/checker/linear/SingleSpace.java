package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The states of one model object, interned, with one cached row of transitions per state. */
final class SingleSpace<S> implements StateSpace {
  private static final int UNSET = -2;
  private final Model<S> model;
  private final Operation[] ops;
  private final List<S> states = new ArrayList<>();
  private final Map<S, Integer> ids = new HashMap<>();
  private int[][] rows = new int[16][];

  SingleSpace(Model<S> model, Operation[] ops) {
    this.model = model;
    this.ops = ops;
    intern(model.init());
  }

  @Override
  public int step(int state, int op) {
    int[] row = rows[state];
    if (row == null) {
      row = new int[ops.length];
      Arrays.fill(row, UNSET);
      rows[state] = row;
    }
    int t = row[op];
    if (t == UNSET) {
      S next = model.step(states.get(state), ops[op]);
      t = next == null ? -1 : intern(next);
      row[op] = t;
    }
    return t;
  }

  private int intern(S s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    int n = states.size();
    states.add(s);
    ids.put(s, n);
    if (n == rows.length) {
      rows = Arrays.copyOf(rows, n * 2);
    }
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
