package dev.faultline.scenarios.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks well-formed input the ways files get broken: cut short, bytes flipped, lines deleted,
 * doubled, swapped or joined, numbers made huge, collections nested deep, bytes that are not UTF-8,
 * stray tokens of every format. Seeded: the same seed breaks the same way.
 */
final class Mutator {
  private static final String[] HUGE = {
    "99999999999999999999999",
    "-9223372036854775809",
    "9223372036854775808",
    "18446744073709551616",
    "1e999",
    "-1e999",
    "1.5",
    "0.0",
    "NaN",
    "1N",
    "9223372036854775807",
    "-1",
  };
  private static final String[] TOKENS = {
    "#uuid \"nope\"",
    "#inst \"garbage\"",
    "#foo/bar 1",
    "#_",
    "nil",
    "\"",
    "\\",
    "}",
    "{",
    "]",
    "[",
    "(",
    ":key \"k\" ",
    ",",
    ";",
    "\u0000",
    "INFO  jepsen.util - ",
    "{\"process\":1,",
    "\"process\":1,",
    ":process 1 ",
    ":process :nemesis ",
    "->",
    "|",
    "\t",
    "\r",
    "\uFEFF",
    "ﬁ",
    "\"value\":null,",
    " extra",
    "schedule\n",
    "set nodes=\n",
    "seed -5\n",
  };
  private static final byte[][] NOT_UTF8 = {
    {(byte) 0xC3, 0x28},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF0, 0x28, (byte) 0x8C, 0x28},
    {(byte) 0x80}
  };

  private final SplittableRandom random;

  Mutator(SplittableRandom random) {
    this.random = random;
  }

  /** One to three mutations of {@code input}; {@code log} gets their names. */
  byte[] mutate(byte[] input, List<String> log) {
    byte[] out = input;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(16);
      log.add(NAMES[kind]);
      out = apply(kind, out);
    }
    return out;
  }

  private static final String[] NAMES = {
    "truncate", "flip-bit", "set-byte", "delete-line", "duplicate-line", "swap-lines",
    "join-lines", "huge-number", "deep-nesting", "invalid-utf8", "stray-token", "repeat-line",
    "crlf", "empty", "blank-lines", "number-anywhere"
  };

  private byte[] apply(int kind, byte[] in) {
    String text = new String(in, StandardCharsets.UTF_8);
    return switch (kind) {
      case 0 -> in.length == 0 ? in : java.util.Arrays.copyOf(in, random.nextInt(in.length));
      case 1 -> flip(in, true);
      case 2 -> flip(in, false);
      case 3 -> lines(text, (l, i) -> l.remove(i));
      case 4 -> lines(text, (l, i) -> l.add(i, l.get(i)));
      case 5 ->
          lines(
              text,
              (l, i) -> {
                int j = random.nextInt(l.size());
                String t = l.get(i);
                l.set(i, l.get(j));
                l.set(j, t);
              });
      case 6 ->
          lines(
              text,
              (l, i) -> {
                if (i + 1 < l.size()) {
                  l.set(i, l.get(i) + " " + l.remove(i + 1));
                }
              });
      case 7 -> utf8(replaceNumber(text));
      case 8 -> insert(in, nesting().getBytes(StandardCharsets.UTF_8));
      case 9 -> insert(in, NOT_UTF8[random.nextInt(NOT_UTF8.length)]);
      case 10 -> insert(in, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
      case 11 ->
          lines(
              text,
              (l, i) -> {
                for (int k = 0; k < 200; k++) {
                  l.add(i, l.get(i));
                }
              });
      case 12 -> utf8(text.replace("\n", "\r\n"));
      case 13 -> random.nextBoolean() ? new byte[0] : utf8("\n  \n");
      case 14 -> lines(text, (l, i) -> l.add(i, ""));
      default -> insert(in, utf8(HUGE[random.nextInt(HUGE.length)]));
    };
  }

  private String nesting() {
    int depth = new int[] {3, 60, 150, 3000}[random.nextInt(4)];
    String open = new String[] {"[", "(", "{", "#{"}[random.nextInt(4)];
    String close =
        switch (open) {
          case "[" -> "]";
          case "(" -> ")";
          default -> "}";
        };
    return random.nextInt(4) == 0 ? open.repeat(depth) : open.repeat(depth) + close.repeat(depth);
  }

  private String replaceNumber(String text) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      }
    }
    if (runs.isEmpty()) {
      return text + HUGE[0];
    }
    int[] r = runs.get(random.nextInt(runs.size()));
    return text.substring(0, r[0]) + HUGE[random.nextInt(HUGE.length)] + text.substring(r[1]);
  }

  private byte[] flip(byte[] in, boolean bit) {
    if (in.length == 0) {
      return in;
    }
    byte[] out = in.clone();
    int i = random.nextInt(out.length);
    out[i] = bit ? (byte) (out[i] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
    return out;
  }

  private byte[] insert(byte[] in, byte[] what) {
    int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(in, 0, at);
    out.write(what, 0, what.length);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  private interface LineEdit {
    void edit(List<String> lines, int index);
  }

  private byte[] lines(String text, LineEdit edit) {
    List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!l.isEmpty()) {
      edit.edit(l, random.nextInt(l.size()));
    }
    return utf8(String.join("\n", l));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
