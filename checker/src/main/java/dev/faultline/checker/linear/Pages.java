package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * Append-only storage for the memos, in pages of at most 4 MB, so that growing never copies more
 * than one page: a memo of gigabytes grows as fast as a small one, and no single copy can keep the
 * search from its clock. The first page starts small and doubles up to the page size.
 */
final class Pages {
  static final int SHIFT = 20;
  static final int SIZE = 1 << SHIFT;

  private int[][] pages = new int[8][];
  private int count = 1;
  private int top;

  Pages() {
    pages[0] = new int[1024];
  }

  /**
   * Room for {@code n} ints (n at most SIZE) in one page; returns their address (page << SHIFT |
   * offset), or -1 when the address space (2^31 ints) is used up.
   */
  int allocate(int n) {
    int[] page = pages[count - 1];
    if (top + n > page.length) {
      if (page.length < SIZE && top + n <= SIZE) {
        pages[count - 1] = Arrays.copyOf(page, Math.min(SIZE, Math.max(page.length * 2, top + n)));
      } else {
        if (count == (1 << (31 - SHIFT)) - 1) {
          return -1;
        }
        if (count == pages.length) {
          pages = Arrays.copyOf(pages, count * 2);
        }
        pages[count++] = new int[SIZE];
        top = 0;
      }
    }
    int at = ((count - 1) << SHIFT) | top;
    top += n;
    return at;
  }

  int[] page(int address) {
    return pages[address >>> SHIFT];
  }

  static int offset(int address) {
    return address & (SIZE - 1);
  }

  /** Bytes held. */
  long bytes() {
    long b = 0;
    for (int i = 0; i < count; i++) {
      b += 4L * pages[i].length;
    }
    return b;
  }
}
