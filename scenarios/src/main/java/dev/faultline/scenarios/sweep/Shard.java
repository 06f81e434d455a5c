package dev.faultline.scenarios.sweep;

/**
 * One of {@code count} shards of a seed range: shard {@code index} (0-based) takes every count-th
 * seed starting at the range's first seed plus {@code index}. A batch scheduler (a Kubernetes
 * indexed job, whose completion index is 0-based) runs shard i on machine i.
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "a shard is i/n with 0 <= i < n, not " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}; throws IllegalArgumentException with a sentence otherwise. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // fall through to the sentence below
    }
    throw new IllegalArgumentException(
        "a shard looks like 0/4 (the first of four shards), not '" + text + "'");
  }

  public boolean includes(long seed, long firstSeed) {
    return Math.floorMod(seed - firstSeed, (long) count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
