package dev.faultline.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shell every report page shares: its style and script inline, and a content security policy
 * that forbids every network fetch, so a page opened from disk needs nothing else.
 */
final class Page {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private Page() {}

  /**
   * A whole page; {@code title} is escaped here, {@code body} is markup built from escaped values.
   */
  static String html(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + Html.esc(title)
        + "</title>\n<style>\n"
        + CSS
        + "</style>\n</head>\n<body>\n"
        + body
        + "<p class=\"note\">Written by Faultline. Everything on this page comes from the run's"
        + " seed and configuration: the same run writes the same page.</p>\n<script>\n"
        + JS
        + "</script>\n</body>\n</html>\n";
  }

  /** Writes {@code html} to {@code file} as UTF-8, creating its directory. */
  static void write(Path file, String html) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside Page");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
