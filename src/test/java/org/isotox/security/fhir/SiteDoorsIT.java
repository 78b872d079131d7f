package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.json;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The doors a site's client uses on its own data answer as FHIR says: paging, conditional delete,
 * batch reads by id, the audit trail not blocking a deletion, and a launch patient only of its own site.
 */
@FhirServerTest
class SiteDoorsIT {

    private static String siteA;
    private static String patientA;
    private static String patientB;

    @BeforeEach
    void aPatientAtEachSiteWithThreeRecords() {
        if (patientA != null) {
            return;
        }
        siteA = SiteFixtures.organization("ihr-hmu2");
        patientA = "Patient/" + createAs(Tokens.INVESTIGATOR_HMU2, "Patient", json(SiteFixtures.patientOf(siteA)));
        patientB = "Patient/" + createAs(Tokens.INVESTIGATOR_NCPB, "Patient", json(SiteFixtures.patientOf(SiteFixtures.organization("ihr-ncpb"))));
        for (int i = 0; i < 3; i++) {
            createAs(Tokens.INVESTIGATOR_HMU2, "Observation", json(SiteFixtures.heartRate(patientA)));
        }
    }

    @ParameterizedTest(name = "{0} pages through its search")
    @ValueSource(strings = {Tokens.INVESTIGATOR_HMU2, Tokens.EHR_HMU2, Tokens.MONITOR, Tokens.COORDINATOR})
    void everyRoleFollowsItsNextPageLink(String client) {
        Bundle first = bundle(fhirRequestAs(client).get("/Observation?subject=" + patientA + "&_count=1"));
        String next = first.getLink("next").getUrl();

        Response second = fhirRequestAs(client).get(next.substring(next.indexOf("/fhir") + "/fhir".length()));

        second.then().statusCode(200);
        assertThat(bundle(second).getEntry()).hasSize(1);
        assertThat(bundle(second).getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isNotEqualTo(first.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void aSiteClientDeletesItsOwnRecordByCondition() {
        String marker = java.util.UUID.randomUUID().toString();
        var patient = SiteFixtures.patientOf(siteA);
        patient.getIdentifierFirstRep().setValue(marker);
        String id = createAs(Tokens.INVESTIGATOR_HMU2, "Patient", json(patient));

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).delete("/Patient?identifier=urn:isotox:test:mrn|" + marker).then().statusCode(200);

        fhirRequest().get("/Patient/" + id).then().statusCode(410);
    }

    @Test
    void aConditionalDeleteOfTheAuditTrailIsRefusedForThatReason() {
        String auditEvent = fhirRequest().get("/AuditEvent?_count=1").path("entry[0].resource.id");
        Response refused = fhirRequest().delete("/AuditEvent?_id=" + auditEvent);

        refused.then().statusCode(403);
        assertThat(refused.asString()).contains("audit trail");
    }

    @Test
    void aBatchReadByIdAnswersTheRead() {
        String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"" + patientA + "\"}},"
                + "{\"request\":{\"method\":\"GET\",\"url\":\"" + patientB + "\"}}]}";

        Bundle answer = bundle(fhirRequestAs(Tokens.INVESTIGATOR_HMU2).body(batch).post("/").then().statusCode(200).extract().response());

        assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        assertThat(answer.getEntry().get(0).getResource().getIdElement().toUnqualifiedVersionless().getValue()).isEqualTo(patientA);
        assertThat(answer.getEntry().get(1).getResponse().getStatus()).startsWith("404");
        assertThat(answer.getEntry().get(1).hasResource() && answer.getEntry().get(1).getResource().fhirType().equals("Patient")).isFalse();
    }

    @Test
    void aTransactionReadOfAnotherSitesPatientIsNotFound() {
        String transaction = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\""
                + patientB + "\"}}]}";

        Response answer = fhirRequestAs(Tokens.INVESTIGATOR_HMU2).body(transaction).post("/");

        assertThat(answer.statusCode()).isIn(404, 200);
        assertThat(answer.asString()).doesNotContain("\"id\":\"" + patientB.substring(8) + "\"");
        if (answer.statusCode() == 200) {
            assertThat(bundle(answer).getEntryFirstRep().getResponse().getStatus()).startsWith("404");
        }
    }

    @Test
    void aResourceTheAuditTrailRefersToCanStillBeDeleted() {
        String observation = "Observation/" + createAs(Tokens.INVESTIGATOR_HMU2, "Observation", json(SiteFixtures.heartRate(patientA)));
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + observation).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                bundle(fhirRequest().header("Cache-Control", "no-cache").get("/AuditEvent?entity=" + observation)).getTotal() >= 2);

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).delete("/" + observation).then().statusCode(200);

        fhirRequest().get("/" + observation).then().statusCode(410);
    }

    @Test
    void aLaunchPatientOfAnotherSiteIsIgnored() {
        Map<String, Object> investigator = Map.of("isotox_role", "investigator", "isotox_site", "ihr-hmu2", "scope", "patient/*.rs");
        String ownLaunch = MintedTokens.token().claims(investigator).claim("patient", patientA.substring(8)).sign();
        String foreignLaunch = MintedTokens.token().claims(investigator).claim("patient", patientB.substring(8)).sign();

        RestAssured.given().auth().oauth2(ownLaunch).accept("application/fhir+json").get("/" + patientA).then().statusCode(200);
        Response foreign = RestAssured.given().auth().oauth2(foreignLaunch).accept("application/fhir+json").get("/" + patientB);

        assertThat(foreign.statusCode()).isIn(403, 404);
        assertThat(foreign.asString()).doesNotContain("\"resourceType\":\"Patient\"");
        RestAssured.given().auth().oauth2(foreignLaunch).accept("application/fhir+json").get("/Observation?subject=" + patientB)
                .then().statusCode(403);
        assertThat(bundle(RestAssured.given().auth().oauth2(ownLaunch).accept("application/fhir+json").get("/Observation")).getEntry())
                .as("the own launch patient's records, narrowed to him").hasSize(3);
    }

    @Test
    void theCoordinatorsEnrolmentPlacesAPatientNoSiteOwnedAtTheSiteWithHisRecords() {
        String patient = "Patient/" + org.isotox.testsupport.Fhir.create(new org.hl7.fhir.r4.model.Patient().addName(
                new org.hl7.fhir.r4.model.HumanName().setFamily("Unplaced")));
        String observation = "Observation/" + org.isotox.testsupport.Fhir.create(SiteFixtures.heartRate(patient));
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + patient).then().statusCode(404);
        String study = fhirRequest().get("/ResearchStudy?identifier=NCT03606291").path("entry[0].resource.id");
        String candidate = "{\"resourceType\":\"ResearchSubject\",\"status\":\"candidate\",\"period\":{\"start\":\"2026-03-01\"},"
                + "\"study\":{\"reference\":\"ResearchStudy/" + study + "\"},\"individual\":{\"reference\":\"" + patient + "\"},"
                + "\"extension\":[{\"url\":\"https://isotox.org/fhir/StructureDefinition/research-subject-site\","
                + "\"valueReference\":{\"reference\":\"" + siteA + "\"}}]}";

        fhirRequest().body(candidate).post("/ResearchSubject").then().statusCode(201);

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + patient).then().statusCode(200);
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + observation).then().statusCode(200);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + patient).then().statusCode(404);
        assertThat(fhirRequest().get("/" + patient).then().extract().<String>path("meta.versionId")).as("no new version").isEqualTo("1");
    }

    @Test
    void aSiteCannotEnrolAnotherSitesPatientAndTheCoordinatorCannotMoveHimByEnrolment() {
        String study = fhirRequest().get("/ResearchStudy?identifier=NCT03606291").path("entry[0].resource.id");
        String candidate = "{\"resourceType\":\"ResearchSubject\",\"status\":\"candidate\",\"period\":{\"start\":\"2026-03-01\"},"
                + "\"study\":{\"reference\":\"ResearchStudy/" + study + "\"},\"individual\":{\"reference\":\"" + patientB + "\"},"
                + "\"extension\":[{\"url\":\"https://isotox.org/fhir/StructureDefinition/research-subject-site\","
                + "\"valueReference\":{\"reference\":\"" + siteA + "\"}}]}";

        Response refused = fhirRequest().body(candidate).post("/ResearchSubject");

        refused.then().statusCode(422);
        assertThat(refused.asString()).contains("site-does-not-own-the-patient");
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + patientB).then().statusCode(404);
    }

    @Test
    void theCoordinatorTransfersAPatientWithHisRecordsAndTheTrailSaysSo() {
        String patient = "Patient/" + createAs(Tokens.INVESTIGATOR_HMU2, "Patient", json(SiteFixtures.patientOf(siteA)));
        String observation = "Observation/" + createAs(Tokens.INVESTIGATOR_HMU2, "Observation", json(SiteFixtures.heartRate(patient)));

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).body(transferTo("ihr-ncpb")).post("/" + patient + "/$transfer").then().statusCode(403);
        Response moved = fhirRequest().body(transferTo("ihr-ncpb")).post("/" + patient + "/$transfer");

        moved.then().statusCode(200);
        assertThat(moved.asString()).contains("\"valueInteger\":2");
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + observation).then().statusCode(404);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + patient).then().statusCode(200);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + observation).then().statusCode(200);
        assertThat(bundle(fhirRequest().header("Cache-Control", "no-cache").get("/AuditEvent?entity=" + patient
                + "&subtype=https://isotox.org/fhir/CodeSystem/isotox|site-transfer")).getEntry()).hasSize(1);
        fhirRequest().body(transferTo("no-such-site")).post("/" + patient + "/$transfer").then().statusCode(400);
    }

    private static String transferTo(String site) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"site\",\"valueString\":\"" + site + "\"}]}";
    }

    @Test
    void aPatientDoesNotChangeSiteByAnUpdate() {
        String patient = "Patient/" + createAs(Tokens.INVESTIGATOR_HMU2, "Patient", json(SiteFixtures.patientOf(siteA)));
        var record = org.isotox.testsupport.Fhir.parse(fhirRequest().get("/" + patient), org.hl7.fhir.r4.model.Patient.class);
        record.getMeta().getSecurity().clear();
        record.setManagingOrganization(new org.hl7.fhir.r4.model.Reference(SiteFixtures.organization("ihr-ncpb")));

        Response refused = fhirRequest().body(json(record)).put("/" + patient);

        refused.then().statusCode(422);
        assertThat(refused.asString()).contains("transfer-only");
    }

    private static String createAs(String client, String type, String body) {
        return fhirRequestAs(client).body(body).post("/" + type).then().statusCode(201).extract().path("id");
    }
}
