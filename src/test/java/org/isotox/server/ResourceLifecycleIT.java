package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

@FhirServerTest
class ResourceLifecycleIT {

    @Test
    void patientIsCreatedReadUpdatedAndKeepsItsHistory() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:isotox:test:mrn").setValue(UUID.randomUUID().toString());
        patient.addName().setFamily("Zhang").addGiven("Wei");
        patient.setGender(AdministrativeGender.MALE);

        String id = createAndCheckLocation(patient);
        Patient read = parse(fhirRequest().get("/Patient/" + id).then().statusCode(200).extract().response(), Patient.class);
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Zhang");
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");

        read.getNameFirstRep().setFamily("Zhang-Li");
        Patient updated = parse(
                fhirRequest(read).put("/Patient/" + id).then().statusCode(200).extract().response(), Patient.class);
        assertThat(updated.getMeta().getVersionId()).isEqualTo("2");

        assertHistory("Patient", id);
        Patient first = parse(
                fhirRequest().get("/Patient/" + id + "/_history/1").then().statusCode(200).extract().response(),
                Patient.class);
        assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Zhang");
    }

    @Test
    void researchStudyIsCreatedReadUpdatedAndKeepsItsHistory() {
        ResearchStudy study = new ResearchStudy();
        study.addIdentifier().setSystem("https://clinicaltrials.gov").setValue("NCT-TEST-" + UUID.randomUUID());
        study.setTitle("Isotoxic hypofractionated radiotherapy for NSCLC");
        study.setStatus(ResearchStudyStatus.ACTIVE);

        String id = createAndCheckLocation(study);
        ResearchStudy read = parse(
                fhirRequest().get("/ResearchStudy/" + id).then().statusCode(200).extract().response(),
                ResearchStudy.class);
        assertThat(read.getStatus()).isEqualTo(ResearchStudyStatus.ACTIVE);

        read.setStatus(ResearchStudyStatus.CLOSEDTOACCRUAL);
        fhirRequest(read).put("/ResearchStudy/" + id).then().statusCode(200);

        assertHistory("ResearchStudy", id);
        ResearchStudy current = parse(
                fhirRequest().get("/ResearchStudy/" + id).then().statusCode(200).extract().response(),
                ResearchStudy.class);
        assertThat(current.getStatus()).isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void updateWithAStaleVersionIsRefusedWithPreconditionFailed() {
        Patient patient = new Patient();
        patient.addName().setFamily("Stale");
        String id = create(patient);
        patient.setId(id);
        patient.getNameFirstRep().setFamily("Fresh");
        fhirRequest(patient).header("If-Match", "W/\"1\"").put("/Patient/" + id).then().statusCode(200);

        patient.getNameFirstRep().setFamily("Lost update");
        Response conflict = fhirRequest(patient)
                .header("If-Match", "W/\"1\"")
                .put("/Patient/" + id)
                .then()
                .statusCode(412)
                .extract()
                .response();
        assertThat(outcome(conflict).getIssueFirstRep().getDiagnostics()).contains("not the current version");

        Patient current = parse(fhirRequest().get("/Patient/" + id).then().extract().response(), Patient.class);
        assertThat(current.getNameFirstRep().getFamily()).isEqualTo("Fresh");
    }

    private static String createAndCheckLocation(org.hl7.fhir.r4.model.Resource resource) {
        Response response = fhirRequest(resource).post("/" + resource.fhirType()).then().statusCode(201).extract().response();
        assertThat(response.header("Location")).contains("/" + resource.fhirType() + "/").endsWith("/_history/1");
        return parse(response, resource.getClass()).getIdElement().getIdPart();
    }

    private static void assertHistory(String type, String id) {
        Bundle history = bundle(fhirRequest().get("/" + type + "/" + id + "/_history").then().statusCode(200).extract().response());
        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("2", "1");
    }
}
