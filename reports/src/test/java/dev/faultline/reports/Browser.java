package dev.faultline.reports;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven by Selenium, with the system's chromedriver (nothing is downloaded: the
 * driver path is set, so Selenium Manager never runs). Paths default to Debian's packages and can
 * be changed with {@code -Dfaultline.chromium=...} and {@code -Dfaultline.chromedriver=...}.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium, or fails with the sentence that says how to install it. */
  static Browser start() throws IOException {
    String chromium = System.getProperty("faultline.chromium", "/usr/bin/chromium");
    String driverPath = System.getProperty("faultline.chromedriver", "/usr/bin/chromedriver");
    for (String exe : List.of(chromium, driverPath)) {
      if (!Files.isExecutable(Path.of(exe))) {
        throw new AssertionError(
            exe
                + " is missing: the report tests need headless Chromium. Install it with 'apt-get"
                + " install -y chromium chromium-driver' (CI's .ci/run does), or point"
                + " -Dfaultline.chromium and -Dfaultline.chromedriver at your own.");
      }
    }
    System.setProperty("webdriver.chrome.driver", driverPath);
    Path profile = Files.createTempDirectory("faultline-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1100,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath)).build();
    return new Browser(new ChromeDriver(service, options));
  }

  void open(Path page) {
    driver.get(page.toAbsolutePath().toUri().toString());
  }

  /** The console's warnings and errors since the last call. */
  List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  boolean alertShowing() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** A screenshot of the whole page, kept as a build artifact. */
  void screenshot(String name) throws IOException {
    long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
    long chrome = (Long) js("return Math.max(0, window.outerHeight - window.innerHeight);");
    driver
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(1100, (int) Math.min(16000, height + chrome)));
    Files.createDirectories(SCREENSHOTS);
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
