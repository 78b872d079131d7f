package org.isotox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.DatabaseRows;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile requests the corpus cannot express (headers, a path outside {@code /fhir}, a bulk export's
 * kick-off): each gets a 4xx OperationOutcome naming what was wrong, and nothing is stored.
 */
@FhirServerTest
class HostileRequestsIT {

    @ParameterizedTest
    @ValueSource(strings = {"*", "W/\"99999999999999999999\"", "W/\"one\""})
    void anUpdateWithAnIfMatchThatIsNoVersionIsRefused(String ifMatch) {
        Patient patient = new Patient();
        patient.addName().setFamily("Hostile");
        String id = create(patient);
        patient.setId(id);
        patient.setActive(true);
        long rowsBefore = DatabaseRows.resourceVersions();

        Response response = fhirRequest(patient).header("If-Match", ifMatch).put("/Patient/" + id);

        assertRefusal(response, "If-Match");
        assertThat(DatabaseRows.resourceVersions()).as("stored resource versions").isEqualTo(rowsBefore);
    }

    @Test
    void aVersionBeyondAnyStoredOneIsNotFound() {
        String id = create(new Patient().setActive(true));

        Response response = fhirRequest().get("/Patient/" + id + "/_history/99999999999999999999");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(Fhir.outcome(response).getIssueFirstRep().getDiagnostics()).contains("99999999999999999999");
    }

    @Test
    void aReadWithAnIfModifiedSinceThatIsNoDateIgnoresIt() {
        String id = create(new Patient().setActive(true));

        fhirRequest().header("If-Modified-Since", "yesterday").get("/Patient/" + id).then().statusCode(200);
    }

    @Test
    void aDoubleSlashBeforeTheFhirBaseIsAnOperationOutcome() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + RestAssured.port + "//fhir/Patient"))
                        .header("Authorization", "Bearer " + Tokens.of(RestAssured.port, Tokens.COORDINATOR))
                        .header("Accept", Fhir.JSON)
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        OperationOutcome outcome = Fhir.R4.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient??=bad", "NotAType?x=1", "Observation?code=x", "Patient?nosuchparameter=1", "Patient?birthdate=2020-13-45"})
    void aBulkExportWithAMalformedTypeFilterIsRefusedAtKickOff(String typeFilter) {
        Response response = fhirRequest()
                .header("Prefer", "respond-async")
                .queryParam("_type", "Patient")
                .queryParam("_typeFilter", typeFilter)
                .get("/$export");

        assertRefusal(response, "_typeFilter");
    }

    private static void assertRefusal(Response response, String naming) {
        assertThat(response.statusCode()).as(response.asString()).isBetween(400, 499);
        OperationOutcome outcome = Fhir.outcome(response);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(naming);
    }
}
