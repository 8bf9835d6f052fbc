package org.kizuna.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for console tests. The flags keep
 * it from reaching for the network, which this machine does not have.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Opens a headless browser against a node at {@code baseUrl} such as {@code http://localhost:8123}. */
    public static Browser open(String baseUrl) {
        return open(baseUrl, "en-US");
    }

    /** A browser whose user prefers {@code language} ({@code ja}, {@code en-US}): its Accept-Language and its own locale. */
    public static Browser open(String baseUrl, String language) {
        try {
            Path profile = Files.createTempDirectory("kizuna-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,900",
                    "--user-data-dir=" + profile, "--lang=" + language);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                    .build();
            return new Browser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Logs in through the console's login form and waits for the home page. */
    public Browser login(String user, String password) {
        go("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(Duration.ofSeconds(10), d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Waits for a condition; on a timeout saves a screenshot and the page's text to explain the failure. */
    public <T> T waitFor(Duration timeout, java.util.function.Function<WebDriver, T> condition) {
        try {
            // a page that reloads (a language switch, a sign-in) replaces the elements a condition may hold: ask again
            return new WebDriverWait(driver, timeout)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("timed out after " + timeout + " at " + driver.getCurrentUrl() + " (screenshot " + shot
                    + "); the page says:\n" + text.substring(0, Math.min(2000, text.length())), e);
        }
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and returns its serious and critical
     * violations, each as {@code rule: help (targets)}; empty when there are none.
     */
    public java.util.List<String> accessibilityProblems() {
        try {
            String axe = Files.readString(Path.of("src/test/browser/node_modules/axe-core/axe.min.js"));
            org.openqa.selenium.JavascriptExecutor js = driver;
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            js.executeScript(axe);
            Object result = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                      .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 80)
                          + ' ' + String(n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)).join(', ') + ')')))
                      .catch(e => done(['axe failed: ' + e]));""");
            java.util.List<String> problems = new java.util.ArrayList<>();
            if (result instanceof java.util.List<?> list) list.forEach(o -> problems.add(String.valueOf(o)));
            return problems;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("axe-core is not installed in src/test/browser (the build runs npm ci there)", e);
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
