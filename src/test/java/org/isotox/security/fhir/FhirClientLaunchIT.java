package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A third-party SMART app, as the issue found it: the SMART Health IT JavaScript client ({@code fhirclient}
 * 2.6.3 from npm, its browser build) in headless chromium, served from an origin of its own, performs a user
 * and a patient standalone launch against the test server and reads data. The app is registered as
 * {@code isotox-smart-app} with redirect {@code http://localhost:3000/callback}; chromium is told that
 * {@code localhost:3000} is this test's app server and {@code isotox.test} (the test server's configured
 * issuer and FHIR base) the test server, so the client follows the server's SMART configuration unchanged.
 * Skipped when {@code src/test/js/node_modules} is absent ({@code npm ci --prefix src/test/js}) or with
 * {@code ISOTOX_SKIP_BROWSER=1}.
 */
@FhirServerTest
class FhirClientLaunchIT {

    private static final Path CLIENT = Path.of("src", "test", "js", "node_modules", "fhirclient", "build", "fhir-client.js");
    private static final String ISS = "http://isotox.test/fhir";
    private static HttpServer app;

    @BeforeAll
    static void serveTheApp() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CLIENT),
                "fhirclient is not installed: run npm ci --prefix src/test/js (.ci/run does) to run the third-party client test");
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/fhir-client.js", exchange -> send(exchange, "text/javascript", Files.newInputStream(CLIENT)));
        app.createContext("/launch.html", exchange -> send(exchange, "text/html", page("launch.html")));
        app.createContext("/callback", exchange -> send(exchange, "text/html", page("callback.html")));
        app.start();
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void aUserLaunchReadsHisSitesPatients() {
        JsonPath result = launch("dr-hmu2", "openid fhirUser user/*.rs", false);

        assertThat(result.getString("fhirUser")).isEqualTo("Practitioner/demo-dr-hmu2");
        assertThat(result.getString("patient")).isNull();
        assertThat(result.getList("patients")).isNotEmpty();
        assertThat(result.getList("patients.meta.security.code.flatten()", String.class)).containsOnly("ihr-hmu2");
    }

    @Test
    void aPatientLaunchKnowsItsPatientAndReadsHisRecords() {
        JsonPath result = launch("patient-hmu2", "openid fhirUser launch/patient patient/*.rs", false);

        assertThat(result.getString("patient")).isEqualTo("demo-patient-0001");
        assertThat(result.getString("fhirUser")).isEqualTo("Patient/demo-patient-0001");
        assertThat(result.getString("patientResource.id")).isEqualTo("demo-patient-0001");
        assertThat(result.getList("observations.subject.reference", String.class)).isNotEmpty()
                .allMatch(subject -> subject.equals("Patient/demo-patient-0001"));
    }

    @Test
    void aPractitionersPatientLaunchGoesThroughThePicker() {
        JsonPath result = launch("dr-hmu2", "openid fhirUser launch/patient patient/*.rs", true);

        assertThat(result.getString("patient")).isEqualTo("demo-patient-0001");
        assertThat(result.getString("fhirUser")).isEqualTo("Practitioner/demo-dr-hmu2");
        assertThat(result.getList("observations")).isNotEmpty();
    }

    /** Opens the app's launch page, signs in (and picks the demo patient), and returns what the app read. */
    private static JsonPath launch(String username, String scope, boolean picks) {
        ChromeDriver driver = HeadlessChromium.start(1000, 900, List.of(
                "--host-resolver-rules=MAP localhost:3000 127.0.0.1:" + app.getAddress().getPort()
                        + ", MAP isotox.test 127.0.0.1:" + RestAssured.port));
        try {
            driver.get("http://localhost:3000/launch.html?iss=" + encode(ISS) + "&scope=" + encode(scope));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys(username);
            driver.findElement(By.name("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
            if (picks) {
                wait.until(d -> d.getCurrentUrl().contains("/launch/patient"));
                driver.findElement(By.cssSelector("button[value='demo-patient-0001']")).click();
            }
            new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.getCurrentUrl().startsWith("http://localhost:3000/callback")
                            && d.findElement(By.tagName("body")).getDomAttribute("data-state") != null);
            String result = driver.findElement(By.id("result")).getText();
            assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-state")).as(result).isEqualTo("done");
            return JsonPath.from(result);
        } finally {
            driver.quit();
        }
    }

    private static InputStream page(String name) {
        return FhirClientLaunchIT.class.getResourceAsStream("/fhirclient/" + name);
    }

    private static void send(HttpExchange exchange, String type, InputStream body) throws IOException {
        try (body; OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            out.write(bytes);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
