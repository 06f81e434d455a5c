package dev.faultline.models.ring;

/**
 * How evenly keys spread over nodes: the fewest and most keys on one node, the mean, and the
 * coefficient of variation (population standard deviation over the mean).
 */
public record Loads(int min, double mean, int max, double cv) {

  /** The loads of {@code nodes} nodes given the node index holding each key. */
  public static Loads of(int[] ownerOfKey, int nodes) {
    int[] counts = new int[nodes];
    for (int owner : ownerOfKey) {
      counts[owner]++;
    }
    return ofCounts(counts);
  }

  /** The loads given the number of keys on each node. */
  public static Loads ofCounts(int[] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("loads need at least one node");
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    long total = 0;
    for (int c : counts) {
      min = Math.min(min, c);
      max = Math.max(max, c);
      total += c;
    }
    double mean = (double) total / counts.length;
    double squares = 0;
    for (int c : counts) {
      squares += (c - mean) * (c - mean);
    }
    double cv = mean == 0 ? 0 : Math.sqrt(squares / counts.length) / mean;
    return new Loads(min, mean, max, cv);
  }
}
