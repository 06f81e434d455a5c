package dev.faultline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunReportTest {
  @Test
  void theSameInputGivesTheSameBytes() throws Exception {
    Path a = Path.of("target", "report-test", "a.html");
    Path b = Path.of("target", "report-test", "b.html");
    RunReport.write(a, Fixtures.run(null, null, null));
    RunReport.write(b, Fixtures.run(null, null, null));
    assertEquals(-1L, Files.mismatch(a, b));
  }

  @Test
  void valuesFromTheInputAreEscapedEverywhere() {
    String html = RunReport.render(Fixtures.run(Fixtures.SCRIPT, Fixtures.SCRIPT, Fixtures.SCRIPT));
    assertFalse(html.contains("<script>alert"), "an unescaped script tag reached the page");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void thePageNeedsNoNetwork() {
    String html = RunReport.render(Fixtures.run(null, null, null));
    for (String fetch : new String[] {"src=", "<link", "href=\"http", "url(http", "@import"}) {
      assertFalse(html.contains(fetch), "the page would fetch something: " + fetch);
    }
    assertTrue(html.contains("default-src 'none'"), "the page forbids every fetch");
  }
}
