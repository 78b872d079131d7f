package org.isotox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's questionnaire page on a phone-sized headless chromium: the demo patient signs in (a SMART
 * standalone patient launch), answers the QLQ-C30 and QLQ-LC13 rendered from the server's Questionnaires,
 * sees an answer the instrument does not have refused next to its item (nothing stored), then saves and sees
 * the scores the server derived. Screenshots go to {@code target/questionnaire-screenshots/}.
 */
@FhirServerTest
class QuestionnairePageIT {

    private static final Path SCREENSHOTS = Path.of("target", "questionnaire-screenshots");
    private static final String PATIENT = "Patient/demo-patient-0001";

    @Test
    void theDemoPatientAnswersOnAPhoneAndSeesTheServersScores() throws Exception {
        int before = responses().size();
        ChromeDriver driver = HeadlessChromium.phone(390, 844);
        try {
            driver.get("http://localhost:" + RestAssured.port + "/questionnaire/");
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys("patient-hmu2");
            driver.findElement(By.name("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
            waitForStatus(driver, "ready");
            assertThat(driver.findElements(By.cssSelector("fieldset.item[data-instrument='eortc-qlq-c30']"))).hasSize(30);
            assertThat(driver.findElements(By.cssSelector("fieldset.item[data-instrument='eortc-qlq-lc13']"))).hasSize(13);
            assertThat(driver.findElement(By.cssSelector("fieldset.item")).getText()).contains("wording not loaded");
            assertThat(script(driver, "return window.innerWidth;")).isEqualTo(390);
            assertThat(script(driver, "return document.documentElement.scrollWidth;")).as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(390);

            WebElement firstItem = driver.findElement(By.cssSelector("fieldset.item[data-instrument='eortc-qlq-c30']"));
            WebElement firstAnswer = firstItem.findElement(By.cssSelector("input[type=radio]"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '9'; arguments[0].checked = true;", firstAnswer);
            driver.findElement(By.id("save")).click();
            waitForStatus(driver, "error");
            assertThat(firstItem.findElements(By.cssSelector(".fhir-issue"))).as("the refusal is shown next to item 1").isNotEmpty();
            assertThat(responses()).as("nothing stored").hasSize(before);
            screenshot(driver, "refused-answer", firstItem);

            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '1';", firstAnswer);
            List<WebElement> items = driver.findElements(By.cssSelector("fieldset.item"));
            for (int i = 0; i < items.size(); i++) {
                List<WebElement> options = items.get(i).findElements(By.cssSelector("label"));
                options.get(i % options.size()).click();
            }
            driver.findElement(By.id("save")).click();
            waitForStatus(driver, "ready");
            screenshot(driver, "scores", driver.findElement(By.id("scores")));

            List<String> saved = responses();
            assertThat(saved).hasSize(before + 2);
            Map<String, String> shown = driver.findElements(By.cssSelector("#scores tbody tr")).stream()
                    .collect(Collectors.toMap(row -> row.getDomAttribute("data-scale"), row -> row.findElements(By.tagName("td")).get(1).getText()));
            Map<String, String> stored = saved.subList(before, saved.size()).stream()
                    .flatMap(response -> scores(response).stream())
                    .collect(Collectors.toMap(o -> o.getCode().getCodingFirstRep().getCode(),
                            o -> String.format(java.util.Locale.ROOT, "%.1f", o.getValueQuantity().getValue().doubleValue())));
            assertThat(stored).containsKey("QL2").containsKey("LCDY");
            assertThat(shown).isEqualTo(stored);
            assertThat(driver.findElement(By.cssSelector("#scores tbody tr[data-scale='QL2'] td")).getText())
                    .as("the scale's name, not its code").isEqualTo("Global health status/QoL (revised)");
        } finally {
            driver.quit();
        }
    }

    private static void waitForStatus(ChromeDriver driver, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.getCurrentUrl().contains("/login")
                        && state.equals(d.findElement(By.id("status")).getDomAttribute("data-state")));
    }

    private static long script(ChromeDriver driver, String javascript) {
        return ((Number) driver.executeScript(javascript)).longValue();
    }

    /** The phone's screen with {@code shown} scrolled into view. */
    private static void screenshot(ChromeDriver driver, String name, WebElement shown) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", shown);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The patient's QuestionnaireResponses, oldest first, as the coordinator reads them. */
    private static List<String> responses() {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/QuestionnaireResponse?subject=" + PATIENT + "&_sort=_lastUpdated&_count=200").then().statusCode(200).extract().response());
        return found.getEntry().stream().map(e -> "QuestionnaireResponse/" + e.getResource().getIdElement().getIdPart()).toList();
    }

    private static List<Observation> scores(String response) {
        return bundle(fhirRequest().header("Cache-Control", "no-cache").get("/Observation?derived-from=" + response + "&_count=50")
                .then().statusCode(200).extract().response()).getEntry().stream().map(e -> (Observation) e.getResource()).toList();
    }
}
