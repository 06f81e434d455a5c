package dev.faultline.scenarios.cli;

/** A range of seeds written {@code A..B} (both inclusive) or a single seed {@code A}. */
record SeedRange(long first, long last) {
  static SeedRange parse(String text) {
    String t = text.strip();
    int dots = t.indexOf("..");
    try {
      long a = Long.parseLong(dots < 0 ? t : t.substring(0, dots));
      long b = dots < 0 ? a : Long.parseLong(t.substring(dots + 2));
      if (a < 0 || b < 0) {
        throw new UserError("seeds must not be negative, but the range is '" + text + "'");
      }
      if (b < a) {
        throw new UserError(
            "the seed range '" + text + "' is empty: its first seed is above its last");
      }
      return new SeedRange(a, b);
    } catch (NumberFormatException e) {
      throw new UserError("a seed range looks like 1..1000, not '" + text + "'");
    }
  }

  long count() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
