package org.isotox.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isotox.testsupport.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium ({@link HeadlessChromium}), signed in to the dashboard as a demo user.
 */
final class DashboardBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private final ChromeDriver driver;

    private DashboardBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    static DashboardBrowser start() {
        return new DashboardBrowser(HeadlessChromium.start(1400, 1000, List.of()));
    }

    /** Opens the dashboard on the study, signs in at the issuer's login form and waits for every panel. */
    void signInAndOpen(int port, String studyId, String username) {
        signInAndOpen(driver, "http://localhost:" + port + "/dashboard/?study=" + studyId, username);
    }

    /** Opens a page of the server, signs in at the issuer's login form when it asks, and waits until the page is loaded. */
    static void signInAndOpen(ChromeDriver driver, String url, String username) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().contains("/login") || isLoaded(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        if (driver.getCurrentUrl().contains("/login")) {
            driver.findElement(By.name("username")).sendKeys(username);
            driver.findElement(By.name("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        }
        // the login page's body goes stale when the dashboard replaces it: look again
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.getCurrentUrl().contains("/login") && isLoaded(
                        d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    }

    private static boolean isLoaded(String pageState) {
        return pageState != null && !"loading".equals(pageState);
    }

    String pageState() {
        return driver.findElement(By.tagName("body")).getDomAttribute("data-state");
    }

    String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    /** Picks the option with this value in the panel's select, as a user would. */
    void choose(String panel, String value) {
        new Select(driver.findElement(By.cssSelector("#" + panel + " select"))).selectByValue(value);
    }

    String panelState(String panel) {
        return driver.findElement(By.id(panel)).getDomAttribute("data-state");
    }

    /** The ECharts option the panel's chart was drawn with, as the browser holds it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chartOption(String panel) {
        return (Map<String, Object>) script("return JSON.parse(JSON.stringify(window.isotoxDashboard.panels['" + panel
                + "'].chart.getOption(), (k, v) => typeof v === 'function' ? undefined : v));");
    }

    /** The panel's data as its CSV download has it (header first). */
    @SuppressWarnings("unchecked")
    List<List<Object>> csvRows(String panel) {
        return (List<List<Object>>) script("return window.isotoxDashboard.panels['" + panel + "'].rows;");
    }

    /** The panel's PNG download, as a data URL. */
    String png(String panel) {
        return (String) script("return window.isotoxDashboard.panels['" + panel
                + "'].chart.getDataURL({type: 'png', backgroundColor: '#fff'});");
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Saves the whole page and each panel under {@code target/dashboard-screenshots/}. */
    void screenshots(String prefix, List<String> panels) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Number height = (Number) script("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1400, height.intValue() + 100));
        Files.write(SCREENSHOTS.resolve(prefix + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        for (String panel : panels) {
            WebElement section = driver.findElement(By.id(panel));
            Files.write(SCREENSHOTS.resolve(prefix + "-" + panel + ".png"), section.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
