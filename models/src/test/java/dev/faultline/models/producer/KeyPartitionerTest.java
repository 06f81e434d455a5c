package dev.faultline.models.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyPartitionerTest {

  /** Kafka's own vectors for {@code Utils.murmur2} (its UtilsTest), as the issue lists them. */
  @Test
  void murmur2GivesKafkasValuesForKafkasTestStrings() {
    Map<String, Integer> vectors = new LinkedHashMap<>();
    vectors.put("21", -973932308);
    vectors.put("foobar", -790332482);
    vectors.put("a-little-bit-long-string", -985981536);
    vectors.put("a-little-bit-longer-string", -1486304829);
    vectors.put("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971);
    vectors.put("abc", 479470107);
    vectors.forEach(
        (key, expected) ->
            assertEquals(
                expected,
                KeyPartitioner.murmur2(key.getBytes(StandardCharsets.UTF_8)),
                "murmur2(\"" + key + "\")"));
  }

  @Test
  void fooBarLandsOnPartitionSixteenOfFifty() {
    assertEquals(16, KeyPartitioner.partition("foobar", 50));
  }

  @Test
  void toPositiveClearsTheSignBitEvenForTheSmallestInt() {
    assertEquals(0, KeyPartitioner.toPositive(Integer.MIN_VALUE));
    assertEquals(Integer.MAX_VALUE, KeyPartitioner.toPositive(-1));
    assertEquals(7, KeyPartitioner.toPositive(7));
  }

  @Test
  void everyKeyLandsOnAPartitionInRangeAndAlwaysTheSameOne() {
    for (int i = 0; i < 1000; i++) {
      String key = "key-" + i;
      int p = KeyPartitioner.partition(key, 7);
      assertEquals(p, KeyPartitioner.partition(key, 7));
      assertEquals(true, p >= 0 && p < 7, key + " -> " + p);
    }
  }
}
