package dev.faultline.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixReportTest {
  private static MatrixReport.Row row(String label, boolean holds, List<String> problems) {
    return new MatrixReport.Row(
        "kafka/leader-crash",
        label,
        "kafka-produce",
        "acks=1 fault=leader-crash",
        "+lost -duplicate",
        20,
        20,
        "lost 20",
        holds ? "baseline" : "+100.0%",
        "",
        "",
        holds,
        problems);
  }

  @Test
  void everyValueOfTheMatrixIsEscapedAndEachCellMarked() {
    String html =
        MatrixReport.render(
            new MatrixReport.Input(
                "matrix <b>",
                "./faultline matrix --only '<script>alert(1)</script>'",
                List.of("seeds 1..20 & more"),
                List.of(
                    row("defaults", true, List.of()),
                    row(
                        "<img src=x onerror=alert(2)>",
                        false,
                        List.of("lost occurred in 3 seed(s) \"<script>\""))),
                List.of("kafka-pipeline: not in this build <i>")));
    assertFalse(html.contains("<script>alert"), "the command is escaped");
    assertFalse(html.contains("<img src=x"), "a label is escaped");
    assertFalse(html.contains("<b>") || html.contains("<i>"), "title and skipped lines escaped");
    assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), html);
    assertTrue(html.contains("&quot;&lt;script&gt;&quot;"), html);
    assertTrue(html.contains("seeds 1..20 &amp; more"), html);
    assertTrue(html.contains("1 of 2 cells hold"), html);
    assertTrue(html.contains("&#10003;") && html.contains("&#10007;"), "a mark per cell");
  }
}
