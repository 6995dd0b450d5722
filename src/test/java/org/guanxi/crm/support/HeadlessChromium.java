package org.guanxi.crm.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, driven by Playwright as every browser test drives it: never a
 * downloaded browser, assertions that wait up to ten seconds, screenshots under {@link
 * #SCREENSHOTS}.
 */
public final class HeadlessChromium {

  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
  public static final Path SCREENSHOTS = Paths.get("target", "journey-screenshots");

  private HeadlessChromium() {}

  /** Playwright without its own browsers; closing it closes the browsers it launched. */
  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** Launches Chromium, or fails the test with how to install it. */
  public static Browser launch(Playwright playwright) {
    if (!Files.isExecutable(EXECUTABLE)) {
      fail(
          "The browser tests need Debian's headless Chromium at "
              + EXECUTABLE
              + ", and fonts-noto-cjk for Chinese text: apt-get install chromium fonts-noto-cjk (.ci/run installs both).");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync")));
  }
}
