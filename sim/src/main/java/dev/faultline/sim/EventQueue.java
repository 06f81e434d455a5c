package dev.faultline.sim;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, class, insertion sequence), so that ties never depend on
 * hashing or object identity. Faults form the first class: at any instant they strike before every
 * other event of that instant, in the order they were scheduled. A fault decided during a run (a
 * nemesis reacting to what it sees) and the same fault read from a printed schedule therefore
 * strike at the same point of the event order, which is what lets a schedule replay a run. Events
 * live in slots of parallel arrays and are recycled, so that the hot path of a simulation allocates
 * nothing but the messages themselves.
 */
final class EventQueue {
  static final byte DELIVER = 1;
  static final byte TIMER = 2;
  static final byte FAULT = 3;
  static final byte CALLBACK = 4;
  static final byte START = 5;
  static final byte CANCELLED = 6;

  private long[] time = new long[256];
  private long[] seq = new long[256];
  private byte[] kind = new byte[256];
  private int[] src = new int[256];
  private int[] dst = new int[256];
  private int[] aux = new int[256];
  private int[] gen = new int[256];
  private Object[] obj = new Object[256];
  private int[] free = new int[256];
  private int freeCount;
  private int slots;
  private int[] heap = new int[256];
  private int heapSize;
  private long nextSeq;
  private long nextFaultSeq = Long.MIN_VALUE;

  int size() {
    return heapSize;
  }

  long peekTime() {
    return time[heap[0]];
  }

  /** Adds an event and returns its slot. */
  int push(long at, byte k, int from, int to, Object o, int a) {
    int s = allocate();
    time[s] = at;
    kind[s] = k;
    src[s] = from;
    dst[s] = to;
    obj[s] = o;
    aux[s] = a;
    seq[s] = k == FAULT ? nextFaultSeq++ : nextSeq++;
    enqueue(s, at);
    return s;
  }

  /** Puts an event that was held back (a paused node's) in the queue again, at {@code at}. */
  void requeue(int s, long at) {
    time[s] = at;
    seq[s] = nextSeq++;
    enqueue(s, at);
  }

  /** Removes the earliest event and returns its slot; the caller frees or requeues it. */
  int pop() {
    int top = heap[0];
    int last = heap[--heapSize];
    if (heapSize > 0) {
      siftDown(last);
    }
    return top;
  }

  void free(int s) {
    obj[s] = null;
    kind[s] = 0;
    gen[s]++;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = s;
  }

  long timerId(int s) {
    return ((long) gen[s] << 32) | s;
  }

  /** Cancels the timer with this id, if it is still pending. */
  void cancel(long timerId) {
    int s = (int) timerId;
    if (s >= 0 && s < slots && gen[s] == (int) (timerId >>> 32) && kind[s] == TIMER) {
      kind[s] = CANCELLED;
    }
  }

  long time(int s) {
    return time[s];
  }

  byte kind(int s) {
    return kind[s];
  }

  int src(int s) {
    return src[s];
  }

  int dst(int s) {
    return dst[s];
  }

  int aux(int s) {
    return aux[s];
  }

  Object obj(int s) {
    return obj[s];
  }

  private int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (slots == time.length) {
      int n = slots * 2;
      time = Arrays.copyOf(time, n);
      seq = Arrays.copyOf(seq, n);
      kind = Arrays.copyOf(kind, n);
      src = Arrays.copyOf(src, n);
      dst = Arrays.copyOf(dst, n);
      aux = Arrays.copyOf(aux, n);
      gen = Arrays.copyOf(gen, n);
      obj = Arrays.copyOf(obj, n);
    }
    return slots++;
  }

  private void enqueue(int s, long at) {
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heapSize * 2);
    }
    int i = heapSize++;
    long sq = seq[s];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (time[p] < at || (time[p] == at && seq[p] < sq)) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = s;
  }

  private void siftDown(int s) {
    long t = time[s];
    long sq = seq[s];
    int i = 0;
    int half = heapSize >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int cs = heap[c];
      int r = c + 1;
      if (r < heapSize) {
        int rs = heap[r];
        if (time[rs] < time[cs] || (time[rs] == time[cs] && seq[rs] < seq[cs])) {
          c = r;
          cs = rs;
        }
      }
      if (t < time[cs] || (t == time[cs] && sq < seq[cs])) {
        break;
      }
      heap[i] = cs;
      i = c;
    }
    heap[i] = s;
  }
}
