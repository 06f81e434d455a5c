package dev.faultline.checker.linear;

import java.util.Arrays;
import java.util.List;

/**
 * One model object per key, checked together (partitioning turned off): a state is the vector of
 * every key's state, interned, and an operation steps only its own key's component.
 */
final class ProductSpace implements StateSpace {
  private final SingleSpace<?> component;
  private final int[] keyOf;
  private final List<Object> keys;
  private final int width;
  private int[] vectors;
  private int count;
  private int[] table = new int[1024];
  private final int[] scratch;

  ProductSpace(SingleSpace<?> component, int[] keyOf, List<Object> keys) {
    this.component = component;
    this.keyOf = keyOf;
    this.keys = keys;
    this.width = keys.size();
    this.vectors = new int[width * 64];
    this.scratch = new int[width];
    intern(scratch);
  }

  @Override
  public int step(int state, int op) {
    int t;
    int k = keyOf[op];
    int c = vectors[state * width + k];
    int nc = component.step(c, op);
    if (nc < 0) {
      t = -1;
    } else if (nc == c) {
      t = state;
    } else {
      System.arraycopy(vectors, state * width, scratch, 0, width);
      scratch[k] = nc;
      t = intern(scratch);
    }
    return t;
  }

  private int intern(int[] v) {
    long h = 0;
    for (int x : v) {
      h = h * 0x9E3779B97F4A7C15L + x;
    }
    int mask = table.length - 1;
    int i = Hashing.index(h, mask);
    for (; table[i] != 0; i = (i + 1) & mask) {
      int id = table[i] - 1;
      if (Arrays.equals(vectors, id * width, id * width + width, v, 0, width)) {
        return id;
      }
    }
    if ((count + 1) * width > vectors.length) {
      vectors = Arrays.copyOf(vectors, vectors.length * 2);
    }
    System.arraycopy(v, 0, vectors, count * width, width);
    table[i] = ++count;
    if (2 * count > table.length) {
      rehash();
    }
    return count - 1;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < count; id++) {
      long h = 0;
      for (int j = 0; j < width; j++) {
        h = h * 0x9E3779B97F4A7C15L + vectors[id * width + j];
      }
      int i = Hashing.index(h, mask);
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = id + 1;
    }
    table = bigger;
  }

  @Override
  public String describe(int state) {
    StringBuilder sb = new StringBuilder("{");
    for (int k = 0; k < width; k++) {
      if (k > 0) {
        sb.append(", ");
      }
      sb.append(Models.show(keys.get(k)))
          .append(' ')
          .append(component.describe(vectors[state * width + k]));
    }
    return sb.append('}').toString();
  }

  @Override
  public int size() {
    return count;
  }
}
