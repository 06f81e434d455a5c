package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void textsCutDifferentlyAreEqualWithTheStringsHash() {
    Text a = Text.of("").append("ab").append("c").append("def");
    Text b = Text.of("a").append("bcd").append("").append("ef");
    assertEquals(a, b);
    assertEquals("abcdef".hashCode(), a.hashCode());
    assertEquals("abcdef".hashCode(), b.hashCode());
    assertEquals("abcdef", a.toString());
    assertTrue(a.contentEquals("abcdef"));
    assertFalse(a.contentEquals("abcdeg"));
  }

  @Test
  void textsThatDifferAreNotEqual() {
    assertNotEquals(Text.of("ab").append("c"), Text.of("a").append("bd"));
    assertNotEquals(Text.of("abc"), Text.of("abcd"));
  }

  @Test
  void longPiecesHashLikeStrings() {
    String piece = "x".repeat(100);
    assertEquals((piece + piece).hashCode(), Text.of(piece).append(piece).hashCode());
  }
}
