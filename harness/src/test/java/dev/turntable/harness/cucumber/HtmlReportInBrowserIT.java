package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.turntable.harness.SharedResources;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Cucumber's HTML report, as a person opens it: in real headless Chromium (Debian's chromium and
 * chromium-driver), every scenario shows its session's timeline as a rendered SVG, and the page
 * logs no console error. CI installs the browser and sets TURNTABLE_REQUIRE_BROWSER=true, so there
 * a missing browser fails the test; elsewhere it skips with the reason.
 */
@ResourceLock(SharedResources.CORE_2)
class HtmlReportInBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target", "cucumber-browser");
  private static final List<Path> FEATURES =
      List.of(Path.of("../features/conversation/answers.feature"), Path.of("../features/conversation/script.feature"));
  private static final int SCENARIOS = 3;

  @Test
  void everyScenarioShowsItsTimelineWithoutConsoleErrors() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && Boolean.parseBoolean(System.getenv("TURNTABLE_REQUIRE_BROWSER"))) {
      throw new AssertionError(
          "TURNTABLE_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
              + " is missing: apt-get install chromium chromium-driver");
    }
    assumeTrue(present, "no Chromium: apt-get install chromium chromium-driver to run this test");

    Path report = OUT.resolve("report.html").toAbsolutePath();
    byte status =
        CucumberRun.run(List.of("dev.turntable.harness.cucumber"), List.of("html:" + report), FEATURES);
    assertThat(status).as("the scenarios behind the report pass").isZero();

    ChromeDriver browser = start();
    try {
      browser.get(report.toUri().toString());
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      // Passed scenarios start collapsed: open every section, as a reader would.
      wait.until(d -> expandAll(browser));
      wait.until(d -> timelines(browser).size() >= SCENARIOS && allRendered(browser, timelines(browser)));
      List<WebElement> images = timelines(browser);
      assertThat(images).hasSize(SCENARIOS);
      for (WebElement image : images) {
        Map<?, ?> size = naturalSize(browser, image);
        assertThat(((Number) size.get("w")).intValue()).as("timeline width in px").isGreaterThan(400);
        assertThat(((Number) size.get("h")).intValue()).as("timeline height in px").isGreaterThan(200);
        assertThat(image.isDisplayed()).as("the timeline is visible on the page").isTrue();
        assertThat(image.getSize().getWidth()).as("the timeline's drawn width in px").isGreaterThan(200);
      }
      Files.write(OUT.resolve("report.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      List<LogEntry> errors =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
              .toList();
      assertThat(errors).as("console errors").isEmpty();
    } finally {
      browser.quit();
    }
  }

  /** The Cucumber report renders an image attachment as an img with a data: URL. */
  private static List<WebElement> timelines(ChromeDriver browser) {
    return browser.findElements(By.cssSelector("img[src^='data:image/svg+xml']"));
  }

  /**
   * Opens every collapsed section (the features' accordions, and the {@code <details>} each
   * attachment sits in, titled "timeline of …"); true once none is left.
   */
  private static boolean expandAll(ChromeDriver browser) {
    List<WebElement> collapsed =
        browser.findElements(By.cssSelector("[aria-expanded='false'], details:not([open]) > summary"));
    collapsed.forEach(e -> {
      try {
        e.click();
      } catch (RuntimeException ignored) {
        // Not clickable now (hidden or moving): the next poll tries again.
      }
    });
    return collapsed.isEmpty();
  }

  private static boolean allRendered(ChromeDriver browser, List<WebElement> images) {
    return images.stream()
        .allMatch(i -> i.isDisplayed() && ((Number) naturalSize(browser, i).get("w")).intValue() > 0);
  }

  private static Map<?, ?> naturalSize(ChromeDriver browser, WebElement image) {
    return (Map<?, ?>) ((JavascriptExecutor) browser)
        .executeScript("return {w: arguments[0].naturalWidth, h: arguments[0].naturalHeight, done: arguments[0].complete};", image);
  }

  private static ChromeDriver start() throws Exception {
    Path profile = Files.createTempDirectory("turntable-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,2000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
