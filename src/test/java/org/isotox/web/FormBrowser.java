package org.isotox.web;

import java.io.IOException;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.isotox.testsupport.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A form page of the server in headless chromium at a phone's width (390 CSS pixels), used as its user
 * would: typing, choosing, pressing buttons, and waiting for what the page says it waits for.
 * Screenshots go to {@code target/form-screenshots/}. One browser per test class: register it as a
 * static {@code @RegisterExtension} field; it starts on first use and quits after the class.
 */
final class FormBrowser implements AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "form-screenshots");
    private static final int PHONE_WIDTH = 390;

    private ChromeDriver driver;

    /** The browser the pages run in, started on first use. */
    private ChromeDriver driver() {
        if (driver == null) {
            driver = HeadlessChromium.phone(PHONE_WIDTH, 844);
        }
        return driver;
    }

    private static String server() {
        return "http://localhost:" + RestAssured.port;
    }

    /** Opens {@code page} (a path with its query), signed in as {@code username}, and waits until it is ready. */
    void open(String page, String username) {
        DashboardBrowser.signInAndOpen(driver(), server() + page, username);
        awaitIdle();
    }

    /**
     * Opens {@code page} on {@code studyId} with {@code token} as the tab's sign-in (what the page keeps
     * after a sign-in), for a token the demo issuer does not hand out.
     */
    void openWithToken(String page, String studyId, String token) {
        driver().get(server() + page + "config.json");
        script("sessionStorage.setItem('isotox' + arguments[0], JSON.stringify({token: arguments[1], expires: Date.now() + 300000,"
                + " study: arguments[2]}));", page, token, studyId);
        driver.get(server() + page + "?study=" + studyId);
        awaitIdle();
    }

    /** Waits until the page is ready and waits for the server no more. */
    void awaitIdle() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement body = d.findElement(By.tagName("body"));
            return !"loading".equals(body.getDomAttribute("data-state")) && body.getDomAttribute("data-waiting") == null;
        });
        if ("error".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-state"))) {
            throw new AssertionError("the page failed: " + text("#problem"));
        }
    }

    void type(String selector, String text) {
        WebElement field = driver.findElement(By.cssSelector(selector));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date field (chromium's date input takes its value from script more reliably than from keys). */
    void date(String selector, String isoDate) {
        script("const f = document.querySelector(arguments[0]); f.value = arguments[1]; f.dispatchEvent(new Event('change', {bubbles: true}));",
                selector, isoDate);
    }

    void choose(String selector, String value) {
        new Select(driver.findElement(By.cssSelector(selector))).selectByValue(value);
    }

    List<String> options(String selector) {
        return new Select(driver.findElement(By.cssSelector(selector))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).filter(v -> v != null && !v.isEmpty()).toList();
    }

    /** Presses a button and waits for the server's answer. */
    void press(String selector) {
        driver.findElement(By.cssSelector(selector)).click();
        awaitIdle();
    }

    String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    String attribute(String selector, String name) {
        return driver.findElement(By.cssSelector(selector)).getDomAttribute(name);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Whether the page fits the phone's width (no sideways scrolling). */
    boolean fitsPhoneWidth() {
        return ((Number) script("return window.innerWidth;")).intValue() == PHONE_WIDTH
                && ((Number) script("return document.documentElement.scrollWidth;")).intValue() <= PHONE_WIDTH;
    }

    /** Saves the whole page, at the phone's width, under {@code target/form-screenshots/}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Number height = (Number) script("return document.documentElement.scrollHeight;");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", PHONE_WIDTH, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
