package dev.faultline.models.producer;

import java.nio.charset.StandardCharsets;

/**
 * Where Kafka's default partitioner puts a record with a key: {@code toPositive(murmur2(keyBytes))
 * % partitions}, over the key's serialized bytes (here UTF-8, as Kafka's {@code StringSerializer}
 * writes them). The hash is MurmurHash2 (32-bit) with the seed and constants Kafka's {@code
 * Utils.murmur2} uses, so a key lands on the partition a real producer would pick; the unit test
 * pins Kafka's own test vectors.
 *
 * <p>Records without a key do not come here: they go to the {@link StickyPartitioner}.
 */
public final class KeyPartitioner {
  private static final int SEED = 0x9747b28c;
  private static final int MIX = 0x5bd1e995;
  private static final int SHIFT = 24;

  private KeyPartitioner() {}

  /**
   * The partition, of {@code partitions}, that Kafka's default partitioner picks for {@code key}.
   */
  public static int partition(String key, int partitions) {
    return partition(key.getBytes(StandardCharsets.UTF_8), partitions);
  }

  /** The partition for serialized key bytes. */
  public static int partition(byte[] keyBytes, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("need at least one partition, not " + partitions);
    }
    return toPositive(murmur2(keyBytes)) % partitions;
  }

  /**
   * Clears the sign bit. Not {@code Math.abs}: that leaves {@code Integer.MIN_VALUE} negative, and
   * Kafka masks instead.
   */
  public static int toPositive(int n) {
    return n & 0x7fffffff;
  }

  /**
   * MurmurHash2, 32 bits, over {@code data}: four bytes at a time, little-endian, then the tail.
   */
  public static int murmur2(byte[] data) {
    int length = data.length;
    int h = SEED ^ length;
    int whole = length - (length % 4);
    for (int i = 0; i < whole; i += 4) {
      int k =
          (data[i] & 0xff)
              | (data[i + 1] & 0xff) << 8
              | (data[i + 2] & 0xff) << 16
              | (data[i + 3] & 0xff) << 24;
      k *= MIX;
      k ^= k >>> SHIFT;
      k *= MIX;
      h = h * MIX ^ k;
    }
    int tail = length - whole;
    if (tail > 0) {
      // The one, two or three bytes left over enter highest first, then one multiply.
      if (tail == 3) {
        h ^= (data[whole + 2] & 0xff) << 16;
      }
      if (tail >= 2) {
        h ^= (data[whole + 1] & 0xff) << 8;
      }
      h ^= data[whole] & 0xff;
      h *= MIX;
    }
    h ^= h >>> 13;
    h *= MIX;
    h ^= h >>> 15;
    return h;
  }
}
