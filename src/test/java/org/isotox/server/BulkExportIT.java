package org.isotox.server;

import io.restassured.specification.RequestSpecification;
import io.restassured.RestAssured;
import org.isotox.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/** FHIR Bulk Data export: kick-off, status polling, ndjson files. */
@FhirServerTest
class BulkExportIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void systemExportOfPatientsProducesNdjsonWithTheStoredPatient() throws InterruptedException {
        String marker = UUID.randomUUID().toString();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:isotox:test:mrn").setValue(marker);
        String patientId = create(patient);

        Response kickOff = asCoordinator().header("Prefer", "respond-async")
                .accept("application/fhir+json")
                .queryParam("_type", "Patient")
                .queryParam("_outputFormat", "application/fhir+ndjson")
                .get("/$export")
                .then()
                .statusCode(202)
                .extract()
                .response();
        String statusUrl = kickOff.header("Content-Location");
        assertThat(statusUrl).contains("$export-poll-status");

        JsonPath manifest = awaitManifest(statusUrl);
        List<String> types = manifest.getList("output.type");
        assertThat(types).isNotEmpty().containsOnly("Patient");
        String ndjson = String.join("\n", manifest.<String>getList("output.url").stream()
                .map(BulkExportIT::download)
                .toList());
        assertThat(ndjson.lines())
                .allMatch(line -> line.startsWith("{\"resourceType\":\"Patient\""))
                .anyMatch(line -> line.contains("\"id\":\"" + patientId + "\"") && line.contains(marker));
    }

    private static JsonPath awaitManifest(String statusUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Response status = asCoordinator().basePath("").accept("application/json").get(statusUrl);
            if (status.statusCode() == 200) {
                return status.jsonPath();
            }
            assertThat(status.statusCode()).as("export status while running").isEqualTo(202);
            Thread.sleep(1000);
        }
        throw new AssertionError("bulk export did not finish within " + PATIENCE);
    }

    private static String download(String url) {
        return asCoordinator().basePath("")
                .accept("application/fhir+ndjson")
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .strip();
    }

    private static RequestSpecification asCoordinator() {
        return given().auth().oauth2(Tokens.of(RestAssured.port, Tokens.COORDINATOR));
    }
}
