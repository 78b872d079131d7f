package org.isotox.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.isotox.testsupport.EmbeddedPostgresDatabase;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@FhirServerTest
@ExtendWith(OutputCaptureExtension.class)
class ServerOperationsIT {

    @Test
    void capabilityStatementNamesTheSoftwareAndOffersEveryR4ResourceVersioned() {
        CapabilityStatement capabilities = parse(
                fhirRequest().get("/metadata").then().statusCode(200).extract().response(), CapabilityStatement.class);

        assertThat(capabilities.getSoftware().getName()).isEqualTo("Isotox FHIR Server");
        assertThat(capabilities.getSoftware().getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
        assertThat(rest.getResource())
                .extracting(CapabilityStatementRestResourceComponent::getType)
                .containsAll(Fhir.R4.getResourceTypes());
        assertThat(rest.getResource())
                .filteredOn(r -> r.getType().equals("Patient"))
                .singleElement()
                .satisfies(patient -> assertThat(patient.getVersioning()).isEqualTo(ResourceVersionPolicy.VERSIONEDUPDATE));
        assertThat(rest.getOperation()).extracting(o -> o.getName()).contains("export");
        assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction", "batch");
    }

    @Test
    void healthShowsAnyoneTheStatusOnly() {
        String health = given().basePath("").get("/actuator/health").then().statusCode(200).extract().asString();

        assertThat(health).contains("\"status\":\"UP\"").doesNotContain("PostgreSQL", "components", "details");
        given().basePath("").auth().oauth2(org.isotox.testsupport.Tokens.of(io.restassured.RestAssured.port, org.isotox.testsupport.Tokens.MONITOR))
                .get("/actuator/health").then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("PostgreSQL")));
        given().basePath("").get("/actuator/health/readiness").then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabaseItRunsOnToTheCoordinator() {
        JsonPath health = given().basePath("")
                .auth().oauth2(org.isotox.testsupport.Tokens.of(io.restassured.RestAssured.port, org.isotox.testsupport.Tokens.COORDINATOR))
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("components.db.status")).isEqualTo("UP");
        assertThat(health.getString("components.db.details.database")).isEqualTo("PostgreSQL");
        assertThat(EmbeddedPostgresDatabase.version()).startsWith("PostgreSQL 17");
    }

    @Test
    void eachRequestIsLoggedWithMethodPathStatusAndDuration(CapturedOutput output) {
        fhirRequest().get("/Patient/not-there-for-the-log").then().statusCode(404);
        fhirRequest().get("/Patient?name=Secret-name-in-query").then().statusCode(200);

        // the line is written when the filter chain returns, which may be just after the client has the response
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /fhir/Patient/not-there-for-the-log 404 \\d+ ms")
                .containsPattern("GET /fhir/Patient 200 \\d+ ms"));
        assertThat(output.getOut()).doesNotContain("Secret-name-in-query");
    }
}
