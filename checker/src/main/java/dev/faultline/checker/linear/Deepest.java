package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deepest configuration reached (most completed operations placed), for counterexamples: one
 * entered, or one the lookahead pruned, which names the read it found starved (preferred at equal
 * depth: it says what cannot be placed, where an entered one only says where it stopped).
 */
final class Deepest {
  int placed = -1;
  int log;
  int bound;
  int[] early = new int[0];
  int[] extra = new int[0];
  int blocked = -1;
  final List<Integer> states = new ArrayList<>();

  /** A configuration pruned after a move from frame d; {@code moved} lists what it placed. */
  void offerStarved(Frames f, int d, int count, int state, int[] moved, int starved) {
    if (count >= placed && (count > placed || blocked < 0)) {
      placed = count;
      log = f.logAt[d];
      bound = -1;
      early = null;
      extra = moved;
      blocked = starved;
      states.clear();
      states.add(state);
    }
  }

  void offer(Frames f, int d, int count) {
    int from = f.lOff[d];
    int to = from + f.lLen[d];
    if (count > placed) {
      placed = count;
      log = f.logAt[d];
      bound = f.bound[d];
      early = Arrays.copyOfRange(f.l, from, to);
      extra = new int[0];
      blocked = -1;
      states.clear();
      states.add(f.state[d]);
    } else if (count == placed
        && early != null
        && bound == f.bound[d]
        && states.size() < 8
        && !states.contains(f.state[d])
        && Arrays.equals(early, 0, early.length, f.l, from, to)) {
      states.add(f.state[d]);
    }
  }
}
