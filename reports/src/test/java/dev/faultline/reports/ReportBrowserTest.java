package dev.faultline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Opens generated reports in headless Chromium and checks what a reader sees. */
class ReportBrowserTest {
  private static final Path DIR = Path.of("target", "browser-reports");
  private static Browser browser;
  private static Path run;
  private static Path escaped;
  private static Path sweep;

  @BeforeAll
  static void writeReportsAndStartTheBrowser() throws Exception {
    run = DIR.resolve("run.html");
    RunReport.write(run, Fixtures.run(null, null, null));
    escaped = DIR.resolve("escaped.html");
    RunReport.write(escaped, Fixtures.run(Fixtures.SCRIPT, Fixtures.SCRIPT, Fixtures.SCRIPT));
    sweep = SweepReport.write(DIR.resolve("sweep"), sweepInput());
    RunReport.write(DIR.resolve("sweep").resolve("seed-7.html"), Fixtures.run(null, null, null));
    browser = Browser.start();
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void theConsoleStayedClean() {
    assertFalse(browser.alertShowing(), "an alert opened");
    assertEquals(List.of(), browser.consoleProblems());
  }

  @Test
  void aRunReportShowsItsVerdictAndReplayCommand() throws Exception {
    browser.open(run);
    assertEquals("FAIL", text("#verdict"));
    assertEquals("./faultline run raft-kv --seed 42", text("#replay"));
    assertTrue(text("#verdicts").contains("NOT_LINEARIZABLE"));
    assertTrue(text("#schedule").contains("1.000000s crash n2"));
    assertEquals(
        0L,
        browser.js("return performance.getEntriesByType('resource').length;"),
        "the page loaded nothing beside itself");
    browser.screenshot("run-report");
  }

  @Test
  void everyChartIsDrawnWithNonZeroSize() {
    browser.open(run);
    for (String id : List.of("chart-latency", "chart-rates", "chart-roles")) {
      Dimension size = browser.driver.findElement(By.id(id)).getSize();
      assertTrue(size.getWidth() > 100 && size.getHeight() > 100, id + " is " + size);
    }
    List<WebElement> points =
        browser.driver.findElements(
            By.cssSelector("#chart-latency path, #chart-latency ellipse, #chart-latency circle"));
    assertTrue(points.size() > 10, "the latency chart has marks");
  }

  @Test
  void theCounterexampleHasALanePerClientNamedAsItsNodeAndTheOperationThatCannotBePlaced() {
    browser.open(run);
    List<String> lanes = texts("#counterexample text.lane");
    assertEquals(List.of("c1", "c2"), lanes);
    WebElement blocked =
        browser.driver.findElement(By.cssSelector("#counterexample rect.cx-blocked"));
    assertTrue(blocked.getSize().getWidth() > 0);
    assertTrue(text(".cx-blocked-op").contains("read 1"));
    assertFalse(texts(".cx-states li").isEmpty());
  }

  @Test
  void deliveryAnomaliesAreTablesNamingRecordsOffsetsAndOperations() {
    browser.open(run);
    String row = text("table.anomalies[data-kind='lost-write'] tr:nth-child(2)");
    assertTrue(row.contains("10"), row);
    assertTrue(row.contains("send p2"), row);
  }

  @Test
  void zoomingTheTimelineShowsANarrowerWindow() {
    browser.open(run);
    WebElement fig = browser.driver.findElement(By.id("timeline"));
    String before = fig.getDomAttribute("data-view-to");
    WebElement bar = fig.findElement(By.cssSelector("rect.op"));
    double x0 = Double.parseDouble(bar.getDomAttribute("x"));
    fig.findElement(By.className("zoom-in")).click();
    assertNotEquals(before, fig.getDomAttribute("data-view-to"));
    assertNotEquals(x0, Double.parseDouble(bar.getDomAttribute("x")));
    fig.findElement(By.className("zoom-reset")).click();
    WebElement svg = fig.findElement(By.cssSelector("svg.zoom-svg"));
    new Actions(browser.driver)
        .moveToElement(svg, -200, 0)
        .clickAndHold()
        .moveByOffset(150, 0)
        .release()
        .perform();
    long from = Long.parseLong(fig.getDomAttribute("data-view-from"));
    long to = Long.parseLong(fig.getDomAttribute("data-view-to"));
    assertTrue(from > 0 && to - from < 5_000_000 / 2, "dragging chose " + from + ".." + to);
    assertTrue(text("#timeline .zoom-shown").startsWith("showing"));
  }

  @Test
  void theMessageDiagramRedrawsForAnyWindowTheReaderChooses() {
    browser.open(run);
    WebElement fig = browser.driver.findElement(By.id("messages"));
    assertTrue(
        text("#messages-note").startsWith("3 messages between 1.284s"), text("#messages-note"));
    fig.findElement(By.className("zoom-reset")).click();
    assertTrue(text("#messages-note").startsWith("90 messages between 0.000s and 5.000s"));
    assertEquals(90, fig.findElements(By.cssSelector("line.msg")).size());
    assertEquals(10, fig.findElements(By.cssSelector("line.msg.dropped")).size());
    WebElement from = fig.findElement(By.className("zoom-from"));
    from.clear();
    from.sendKeys("4.0");
    WebElement to = fig.findElement(By.className("zoom-to"));
    to.clear();
    to.sendKeys("4.5");
    fig.findElement(By.className("zoom-apply")).click();
    assertEquals(
        11, fig.findElements(By.cssSelector("line.msg")).size(), "sends at 4.00s to 4.50s");
  }

  @Test
  void valuesWithMarkupAreShownAsText() throws Exception {
    browser.open(escaped);
    assertFalse(browser.alertShowing(), "the script in the input ran");
    assertTrue(text("#knobs").contains(Fixtures.SCRIPT), "the knob name and value show as text");
    assertTrue(text("#verdicts").contains(Fixtures.SCRIPT), "the verdict detail shows as text");
    Object titles =
        browser.js(
            "return Array.from(document.querySelectorAll('#timeline title')).map(t => t.textContent).join('\\n');");
    assertTrue(String.valueOf(titles).contains(Fixtures.SCRIPT), "the history value shows as text");
    assertEquals(
        1L,
        browser.js(
            "return document.querySelectorAll('script:not([type=\"application/json\"])').length;"));
    browser.screenshot("escaped-report");
  }

  @Test
  void aSweepReportChartsRatesAndLinksEachFailingSeed() throws Exception {
    browser.open(sweep);
    Dimension size = browser.driver.findElement(By.id("chart-sweep")).getSize();
    assertTrue(size.getWidth() > 100 && size.getHeight() > 100);
    assertEquals(2, browser.driver.findElements(By.cssSelector("#rates tr.config")).size());
    browser.screenshot("sweep-report");
    browser.driver.findElement(By.cssSelector("a.seed-report")).click();
    assertEquals("FAIL", text("#verdict"));
  }

  @Test
  void aSiteIndexLinksEachReport() throws Exception {
    Path index =
        SiteIndex.write(
            DIR,
            "Faultline tour, seed 42",
            "Every scenario once.",
            List.of(new SiteIndex.Entry("raft-kv", "FAIL", "linearizable fail", "run.html")));
    browser.open(index);
    assertEquals("FAIL", text("#reports tr.entry .status"));
    browser.screenshot("site-index");
    browser.driver.findElement(By.linkText("raft-kv")).click();
    assertEquals("./faultline run raft-kv --seed 42", text("#replay"));
  }

  @Test
  void theConsoleCheckSeesAScriptError() throws Exception {
    Path broken = DIR.resolve("broken.html");
    Page.write(
        broken,
        "<!DOCTYPE html><html><body><script>throw new Error('boom');</script></body></html>");
    browser.open(broken);
    assertFalse(browser.consoleProblems().isEmpty(), "a thrown error reaches the console log");
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static List<String> texts(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream()
        .map(e -> e.getDomProperty("textContent"))
        .toList();
  }

  static SweepReportInput sweepInput() {
    Map<String, Integer> byCheck = new TreeMap<>();
    byCheck.put("linearizable", 3);
    SweepReportInput.Config bad =
        new SweepReportInput.Config(
            "acks=1",
            new TreeMap<>(Map.of("acks", "1")),
            20,
            17,
            3,
            0,
            new TreeMap<>(byCheck),
            0.93,
            new TreeMap<>(Map.of("p50", 2.5, "p99", 40.0)),
            List.of(
                new SweepReportInput.FailingSeed(
                    7, "FAIL", "./faultline run raft-kv --seed 7", "seed-7.html")));
    SweepReportInput.Config good =
        new SweepReportInput.Config(
            "acks=all",
            new TreeMap<>(Map.of("acks", "all")),
            20,
            20,
            0,
            0,
            new TreeMap<>(),
            0.99,
            new TreeMap<>(Map.of("p50", 3.0, "p99", 55.0)),
            List.of());
    return new SweepReportInput(
        "raft-kv, seeds 1..20", "./faultline compare raft-kv", List.of(bad, good));
  }
}
