package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One register's sub-history compiled for {@link RegisterSearch}: values interned to ints,
 * completed operations numbered in the order they returned (so that "returns first" is "smallest
 * id"), and open operations grouped in classes of identical effect, each class in invoke order.
 */
final class RegisterHistory {
  static final int READ = 0;
  static final int WRITE = 1;
  static final int CAS = 2;

  /** A cas that failed under Porcupine's rules: the register held something other than need. */
  static final int FAILED_CAS = 3;

  private static final Object NIL = new Object();

  final Operation[] ops;
  final int completed;
  final int[] kind;
  final int[] need;
  final int[] produce;
  final int[] call;

  /** Completed ids in invoke order. */
  final int[] byCall;

  final int initial;
  final List<Object> values = new ArrayList<>();

  /** Per class of open operations: its members (indices into open), its from (-1: any) and to. */
  final int[][] classOps;

  final int[] classFrom;
  final int[] classTo;

  /** Per value: the open classes that produce it (the write class first, when there is one). */
  final int[][] classesInto;

  /** Per open operation: its invoke position; open operation i is ops[completed + i]. */
  final int[] openCall;

  private final Map<Object, Integer> ids = new HashMap<>();

  RegisterHistory(Operation[] local, Object initialValue) {
    List<Operation> done = new ArrayList<>();
    List<Operation> open = new ArrayList<>();
    for (Operation op : local) {
      (op.isOpen() ? open : done).add(op);
    }
    done.sort((x, y) -> Integer.compare(x.completionIndex(), y.completionIndex()));
    open.sort((x, y) -> Integer.compare(x.invokeIndex(), y.invokeIndex()));
    completed = done.size();
    ops = new Operation[local.length];
    for (int i = 0; i < completed; i++) {
      ops[i] = done.get(i);
    }
    for (int i = 0; i < open.size(); i++) {
      ops[completed + i] = open.get(i);
    }
    initial = id(initialValue);
    kind = new int[completed];
    need = new int[completed];
    produce = new int[completed];
    call = new int[completed];
    for (int i = 0; i < completed; i++) {
      compile(i, ops[i]);
    }
    byCall = sortedByCall();
    openCall = new int[open.size()];
    Map<Long, List<Integer>> classes = new LinkedHashMap<>();
    for (int i = 0; i < open.size(); i++) {
      Operation op = open.get(i);
      openCall[i] = op.invokeIndex();
      int from = op.f().equals("cas") ? id(((List<?>) op.value()).get(0)) : -1;
      int to = id(op.f().equals("cas") ? ((List<?>) op.value()).get(1) : op.value());
      classes.computeIfAbsent(((long) from << 32) | to, k -> new ArrayList<>()).add(i);
    }
    classOps = new int[classes.size()][];
    classFrom = new int[classes.size()];
    classTo = new int[classes.size()];
    int c = 0;
    for (Map.Entry<Long, List<Integer>> e : classes.entrySet()) {
      classOps[c] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      classFrom[c] = (int) (e.getKey() >> 32);
      classTo[c] = (int) (long) e.getKey();
      c++;
    }
    classesInto = into();
  }

  /** Whether the register model and this operation mix can be compiled. */
  static boolean applies(Model<?> model) {
    return model instanceof RegisterModel;
  }

  private void compile(int i, Operation op) {
    call[i] = op.invokeIndex();
    switch (op.f()) {
      case "read" -> {
        kind[i] = READ;
        need[i] = id(op.value());
        produce[i] = need[i];
      }
      case "write" -> {
        kind[i] = WRITE;
        need[i] = -1;
        produce[i] = id(op.value());
      }
      default -> {
        List<?> pair = (List<?>) op.value();
        kind[i] = op.outcome() == Outcome.FAILED ? FAILED_CAS : CAS;
        need[i] = id(pair.get(0));
        produce[i] = kind[i] == CAS ? id(pair.get(1)) : -1;
      }
    }
  }

  private int[] sortedByCall() {
    long[] keys = new long[completed];
    for (int i = 0; i < completed; i++) {
      keys[i] = ((long) call[i] << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[completed];
    for (int i = 0; i < completed; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  private int[][] into() {
    List<List<Integer>> into = new ArrayList<>();
    for (int v = 0; v < values.size(); v++) {
      into.add(new ArrayList<>());
    }
    for (int c = 0; c < classTo.length; c++) {
      List<Integer> list = into.get(classTo[c]);
      if (classFrom[c] < 0) {
        list.add(0, c);
      } else {
        list.add(c);
      }
    }
    int[][] out = new int[values.size()][];
    for (int v = 0; v < out.length; v++) {
      out[v] = into.get(v).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private int id(Object value) {
    Object key = value == null ? NIL : value;
    Integer id = ids.get(key);
    if (id == null) {
      id = values.size();
      ids.put(key, id);
      values.add(value);
    }
    return id;
  }

  /** Whether the state {@code s} lets completed operation {@code op} take effect. */
  boolean legal(int op, int s) {
    return switch (kind[op]) {
      case WRITE -> true;
      case FAILED_CAS -> s != need[op];
      default -> s == need[op];
    };
  }

  /** The state after completed operation {@code op} takes effect in the legal state {@code s}. */
  int after(int op, int s) {
    return kind[op] == WRITE || kind[op] == CAS ? produce[op] : s;
  }

  /** Whether {@code op} never changes the state (a read, a failed cas). */
  boolean identity(int op) {
    return kind[op] == READ || kind[op] == FAILED_CAS;
  }

  String describe(int state) {
    return Models.show(values.get(state));
  }
}
