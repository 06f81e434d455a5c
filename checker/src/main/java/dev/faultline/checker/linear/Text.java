package dev.faultline.checker.linear;

/**
 * A string built by appends, kept as a chain of pieces so that an append copies nothing: the kv
 * model reaches a new string in nearly every configuration of the search. Equality and hash are
 * those of the whole string ({@link String#hashCode}'s), so two chains cut differently are equal.
 */
final class Text {
  private final Text prefix;
  private final String last;
  private final int length;
  private final int hash;

  private Text(Text prefix, String last, int length, int hash) {
    this.prefix = prefix;
    this.last = last;
    this.length = length;
    this.hash = hash;
  }

  static Text of(String s) {
    return new Text(null, s, s.length(), s.hashCode());
  }

  Text append(String s) {
    if (s.isEmpty()) {
      return this;
    }
    return new Text(this, s, length + s.length(), hash * pow31(s.length()) + s.hashCode());
  }

  private static final int[] POWERS = new int[64];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 31;
    }
  }

  /** 31 to the power {@code n}, wrapping as {@link String#hashCode} does. */
  private static int pow31(int n) {
    if (n < POWERS.length) {
      return POWERS[n];
    }
    int result = 1;
    int base = 31;
    for (int e = n; e > 0; e >>>= 1) {
      if ((e & 1) != 0) {
        result *= base;
      }
      base *= base;
    }
    return result;
  }

  /** Whether this text is {@code s}, without building the whole string. */
  boolean contentEquals(String s) {
    if (s.length() != length || s.hashCode() != hash) {
      return false;
    }
    int end = length;
    for (Text t = this; t != null; t = t.prefix) {
      int start = end - t.last.length();
      if (!s.regionMatches(start, t.last, 0, t.last.length())) {
        return false;
      }
      end = start;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Text other) || other.length != length || other.hash != hash) {
      return false;
    }
    // Compare from the end, piece by piece, whatever the cuts of the two chains.
    Text a = this;
    Text b = other;
    int ia = a.last.length();
    int ib = b.last.length();
    for (int left = length; left > 0; ) {
      while (ia == 0) {
        a = a.prefix;
        ia = a.last.length();
      }
      while (ib == 0) {
        b = b.prefix;
        ib = b.last.length();
      }
      int n = Math.min(ia, ib);
      if (!a.last.regionMatches(ia - n, b.last, ib - n, n)) {
        return false;
      }
      ia -= n;
      ib -= n;
      left -= n;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    char[] chars = new char[length];
    int end = length;
    for (Text t = this; t != null; t = t.prefix) {
      end -= t.last.length();
      t.last.getChars(0, t.last.length(), chars, end);
    }
    return new String(chars);
  }
}
