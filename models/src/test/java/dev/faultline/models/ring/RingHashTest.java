package dev.faultline.models.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RingHashTest {

  @Test
  void fnvCoreMatchesThePublishedFnv1a64TestVectors() {
    assertEquals(0xcbf29ce484222325L, RingHash.fnv1a(""));
    assertEquals(0xaf63dc4c8601ec8cL, RingHash.fnv1a("a"));
    assertEquals(0x85944171f73967e8L, RingHash.fnv1a("foobar"));
  }

  @Test
  void finalizerMatchesTheFirstOutputOfSplitMix64SeededWithZero() {
    // SplitMix64 adds the golden gamma to its state, then mixes: seed 0 gives this first output.
    assertEquals(0xe220a8397b1dcdafL, RingHash.finalizeMix(0x9e3779b97f4a7c15L));
  }

  @Test
  void positionsArePinnedSoThatAChangeToTheHashIsCaught() {
    assertEquals(0xf52a15e9a9b5e89bL, RingHash.hash(""));
    assertEquals(0x9d7b96d335c9f9fbL, RingHash.hash("key-0"));
    assertEquals(0xb9870b6fddcb8e1cL, RingHash.token("n3", 7));
  }

  @Test
  void tokenHashesTheNodeNameAHashAndTheIndex() {
    assertEquals(RingHash.hash("n3#7"), RingHash.token("n3", 7));
    assertEquals(RingHash.hash("zürich#12"), RingHash.token("zürich", 12));
  }

  @Test
  void tokensInBulkEqualTokensOneByOne() {
    long[] bulk = RingHash.tokens("node-α", 1001);
    for (int i : new int[] {0, 1, 9, 10, 99, 100, 999, 1000}) {
      assertEquals(RingHash.token("node-α", i), bulk[i], "token " + i);
    }
  }

  @Test
  void keyNamesAreKeyDashNumber() {
    assertEquals("key-42", RingHash.keyName(42));
  }
}
