package org.rectify.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Selenium, with nothing downloaded and nothing phoning home.
 * Skips the test where Chromium is not installed, except in CI (CI=true), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        LoggingPreferences logs = new LoggingPreferences(); // the console, for scriptErrors()
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1440,1000", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("rectify-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public void logIn(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("button[type=submit]")));
    }

    /**
     * Clicks a button or link that loads another page and returns once the answer has replaced this page: a click
     * returns before the browser has the answer, and a navigation started then would cut it short (a sign-in's next
     * page then came as the wrong user; a form's answer page was searched before it arrived).
     */
    public void clickAndWaitForNextPage(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> replaced(element));
    }

    /**
     * Whether the element's page has gone. Besides a stale reference, Chromium's driver may answer "Node with given id
     * does not belong to the document" while the old page is being torn down (a CI run failed on it): gone as well.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The element once it is on the page (a page that answers a click may still be loading). */
    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Signs out from the account menu under the user's name (opened first: its items are hidden until then). */
    public void logOut() {
        WebElement button = driver.findElement(By.cssSelector("form[action$='/logout'] button"));
        if (!button.isDisplayed()) {
            driver.findElement(By.id("current-user")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(button));
        }
        clickAndWaitForNextPage(button);
        // the sign-in page it leads to, loaded: a navigation started before it arrives races with it (a next sign-in's
        // button then belonged to a page being replaced)
        find("#username");
    }


    /** Keeps a screenshot under target/screenshots, for people to look at. */
    public void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the console reported since the last call that a user would suffer from: scripts the Content-Security-Policy
     * refused and uncaught script errors.
     */
    public List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("EvalError"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
