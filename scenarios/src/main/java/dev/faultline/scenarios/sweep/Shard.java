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

  /** The environment variable a Kubernetes Indexed Job sets to each pod's index. */
  public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

  /**
   * Parses {@code i/n}, or {@code auto/n}, which takes i from {@code JOB_COMPLETION_INDEX} as
   * {@code env} gives it: each pod of an Indexed Job runs its own shard. Throws
   * IllegalArgumentException with a sentence when the variable is unset or not an index.
   */
  public static Shard resolve(String text, java.util.function.UnaryOperator<String> env) {
    String t = text.strip();
    if (!t.startsWith("auto/")) {
      return parse(t);
    }
    String index = env.apply(INDEX_VARIABLE);
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException(
          "--shard "
              + t
              + " takes the shard from "
              + INDEX_VARIABLE
              + ", which is not set (a Kubernetes Indexed Job sets it in each pod); give"
              + " --shard I/N instead");
    }
    if (!index.strip().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          INDEX_VARIABLE + " is '" + index + "', not a shard index such as 0 or 7");
    }
    return parse(index.strip() + t.substring("auto".length()));
  }

  public boolean includes(long seed, long firstSeed) {
    return Math.floorMod(seed - firstSeed, (long) count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
