package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Synthea;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A site's EHR pushes a patient's record the way EHR exports (Synthea's among them) write it: one
 * transaction of plain POSTs linked by {@code urn:uuid:} placeholders, with the EHR's own Organization
 * and Practitioner, and a Patient that names no trial site. All of it is stored as the site's; the
 * Synthea bundles are public sample data ({@code src/test/resources/synthea/README.md}).
 */
@FhirServerTest
class EhrPushIT {

    @Test
    void aSitesEhrPushesAPatientRecordAsSentAndOnlyThatSiteSeesIt() {
        String mrn = UUID.randomUUID().toString();

        Response pushed = fhirRequestAs(Tokens.EHR_HMU2).body(record(mrn)).post("/");

        pushed.then().statusCode(200);
        assertThat(bundle(pushed).getEntry()).hasSize(5).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String patient = bundle(pushed).getEntry().get(2).getResponse().getLocation().replaceAll("/_history/.*", "");
        for (Bundle.BundleEntryComponent entry : bundle(pushed).getEntry()) {
            String stored = fhirRequest().get("/" + entry.getResponse().getLocation().replaceAll("/_history/.*", ""))
                    .then().statusCode(200).extract().asString();
            assertThat(stored).as("every pushed resource is labelled as the site's").contains("\"system\":\"https://isotox.org/fhir/sid/site\",\"code\":\"ihr-hmu2\"");
        }
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/Observation?subject=" + patient)).getEntry()).hasSize(1);
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Observation?_summary=count&subject=" + patient)).getTotal()).isZero();
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Patient?identifier=" + mrn)).getEntry()).isEmpty();
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Practitioner?identifier=" + mrn)).getEntry()).isEmpty();
        assertThat(bundle(fhirRequest().get("/Patient?identifier=" + mrn)).getEntry()).hasSize(1);
    }

    /** Two Synthea patients (public sample data, unchanged), each pushed by its own site's EHR. */
    @Test
    void twoSitesPushSyntheaPatientsAndEachSeesOnlyItsOwn() {
        String hmu2Bundle = Synthea.json("Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json");
        String ncpbBundle = Synthea.json("Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json");
        int entriesA = Synthea.parsed(hmu2Bundle).getEntry().size();
        int entriesB = Synthea.parsed(ncpbBundle).getEntry().size();
        int observationsA = count(hmu2Bundle, "Observation");
        int observationsB = count(ncpbBundle, "Observation");
        int hmu2Before = total(Tokens.INVESTIGATOR_HMU2, "Observation?_summary=count");
        int ncpbBefore = total(Tokens.INVESTIGATOR_NCPB, "Observation?_summary=count");
        int allBefore = total(Tokens.COORDINATOR, "Observation?_summary=count");

        Response a = fhirRequestAs(Tokens.EHR_HMU2).body(hmu2Bundle).post("/");
        Response b = fhirRequestAs(Tokens.EHR_NCPB).body(ncpbBundle).post("/");

        a.then().statusCode(200);
        b.then().statusCode(200);
        assertThat(bundle(a).getEntry()).hasSize(entriesA).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        assertThat(bundle(b).getEntry()).hasSize(entriesB).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String patientA = Fhir.created(a, "Patient");
        String patientB = Fhir.created(b, "Patient");
        assertThat(total(Tokens.INVESTIGATOR_HMU2, "Observation?_summary=count")).isEqualTo(hmu2Before + observationsA);
        assertThat(total(Tokens.INVESTIGATOR_NCPB, "Observation?_summary=count")).isEqualTo(ncpbBefore + observationsB);
        assertThat(total(Tokens.COORDINATOR, "Observation?_summary=count")).isEqualTo(allBefore + observationsA + observationsB);
        assertThat(total(Tokens.INVESTIGATOR_HMU2, "Observation?_summary=count&subject=" + patientB)).isZero();
        assertThat(total(Tokens.EHR_NCPB, "Claim?_summary=count&patient=" + patientA)).isZero();
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + patientA).then().statusCode(404);
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + patientA + "/$everything").then().statusCode(200);
        assertThat(bundle(fhirRequestAs(Tokens.MONITOR).get("/Patient?_id=" + id(patientA) + "," + id(patientB))).getEntry()).hasSize(2);

        // the push is audited as one event naming each resource it created, and the patient once
        Bundle events = bundle(fhirRequest().get("/AuditEvent?patient=" + patientA + "&subtype=transaction").then().statusCode(200).extract().response());
        assertThat(events.getEntry()).hasSize(1);
        org.hl7.fhir.r4.model.AuditEvent event = (org.hl7.fhir.r4.model.AuditEvent) events.getEntryFirstRep().getResource();
        assertThat(event.getEntity()).filteredOn(e -> "4".equals(e.getRole().getCode()))
                .hasSize(entriesA)
                .allSatisfy(e -> assertThat(e.getLifecycle().getCode()).isEqualTo("1"));
        assertThat(event.getEntity()).filteredOn(e -> "1".equals(e.getRole().getCode()))
                .extracting(e -> e.getWhat().getReferenceElement().toUnqualifiedVersionless().getValue())
                .containsExactly(patientA);
        assertThat(event.getAgent()).anySatisfy(agent -> assertThat(agent.getAltId()).isEqualTo(Tokens.EHR_HMU2));
    }

    @Test
    void aPushThatTouchesAnotherSitesPatientIsRefusedWholeNamingTheEntry() {
        String otherSitesPatient = "Patient/" + fhirRequestAs(Tokens.INVESTIGATOR_NCPB)
                .body(org.isotox.testsupport.Fhir.json(SiteFixtures.patientOf(SiteFixtures.organization("ihr-ncpb"))))
                .post("/Patient").then().statusCode(201).extract().path("id");
        String mrn = UUID.randomUUID().toString();
        String push = record(mrn).replace("\"subject\": {\"reference\": \"urn:uuid:patient-" + mrn + "\"}, \"code\"",
                "\"subject\": {\"reference\": \"" + otherSitesPatient + "\"}, \"code\"");

        Response refused = fhirRequestAs(Tokens.EHR_HMU2).body(push).post("/");

        refused.then().statusCode(403);
        assertThat(outcome(refused).getIssueFirstRep().getDiagnostics())
                .contains("Bundle.entry[4]", "urn:uuid:observation-" + mrn, "refers-outside-the-site");
        assertThat(outcome(refused).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[4].resource");
        assertThat(bundle(fhirRequest().get("/Patient?identifier=" + mrn)).getEntry()).as("nothing of the bundle is stored").isEmpty();
    }

    private static int count(String json, String type) {
        return (int) Synthea.parsed(json).getEntry().stream().filter(e -> e.getResource().fhirType().equals(type)).count();
    }

    private static int total(String client, String query) {
        return bundle(fhirRequestAs(client).header("Cache-Control", "no-cache").get("/" + query).then().statusCode(200).extract().response())
                .getTotal();
    }

    private static String id(String reference) {
        return reference.substring(reference.indexOf('/') + 1);
    }

    private static String record(String mrn) {
        String org = "urn:uuid:organization-" + mrn;
        String practitioner = "urn:uuid:practitioner-" + mrn;
        String patient = "urn:uuid:patient-" + mrn;
        String encounter = "urn:uuid:encounter-" + mrn;
        return """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "%1$s", "resource": {"resourceType": "Organization", "identifier": [{"system": "urn:isotox:test:ehr", "value": "%5$s"}],
                    "name": "Radiation department"}, "request": {"method": "POST", "url": "Organization"}},
                  {"fullUrl": "%2$s", "resource": {"resourceType": "Practitioner", "identifier": [{"system": "urn:isotox:test:ehr", "value": "%5$s"}],
                    "name": [{"family": "Li"}]}, "request": {"method": "POST", "url": "Practitioner"}},
                  {"fullUrl": "%3$s", "resource": {"resourceType": "Patient", "identifier": [{"system": "urn:isotox:test:mrn", "value": "%5$s"}],
                    "name": [{"family": "Wang"}], "gender": "male", "birthDate": "1950-04-02", "generalPractitioner": [{"reference": "%2$s"}]},
                    "request": {"method": "POST", "url": "Patient"}},
                  {"fullUrl": "%4$s", "resource": {"resourceType": "Encounter", "status": "finished",
                    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}, "subject": {"reference": "%3$s"},
                    "participant": [{"individual": {"reference": "%2$s"}}], "serviceProvider": {"reference": "%1$s"},
                    "period": {"start": "2026-03-02T09:00:00Z", "end": "2026-03-02T09:30:00Z"}}, "request": {"method": "POST", "url": "Encounter"}},
                  {"fullUrl": "urn:uuid:observation-%5$s", "resource": {"resourceType": "Observation", "status": "final",
                    "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                    "subject": {"reference": "%3$s"}, "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                    "encounter": {"reference": "%4$s"}, "effectiveDateTime": "2026-03-02T09:10:00Z",
                    "valueQuantity": {"value": 72, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}},
                    "request": {"method": "POST", "url": "Observation"}}
                ]}
                """.formatted(org, practitioner, patient, encounter, mrn);
    }
}
