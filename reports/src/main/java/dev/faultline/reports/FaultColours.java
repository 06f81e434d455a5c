package dev.faultline.reports;

import java.awt.Color;

/** One colour per fault family, shared by the charts, the timeline and the legend. */
final class FaultColours {
  private FaultColours() {}

  static Color of(String family) {
    return switch (family) {
      case "crash" -> new Color(0xc6, 0x28, 0x28);
      case "pause" -> new Color(0x8e, 0x24, 0xaa);
      case "partition" -> new Color(0xf5, 0x7c, 0x00);
      case "loss", "duplicate", "jitter" -> new Color(0x00, 0x89, 0x7b);
      case "clog" -> new Color(0x5d, 0x40, 0x37);
      case "skew" -> new Color(0x30, 0x3f, 0x9f);
      default -> Color.GRAY;
    };
  }
}
