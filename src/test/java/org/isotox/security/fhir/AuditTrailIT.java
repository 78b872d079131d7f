package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.json;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.DatabaseRows;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Every access leaves an AuditEvent (IHE BALP) naming who, what, when and from where; nobody rewrites them. */
@FhirServerTest
class AuditTrailIT {

    @Test
    void aReadLeavesAnAuditEventNamingTheClientThePatientAndTheAddress() {
        String patient = "Patient/" + create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + patient).then().statusCode(200);

        // reads are audited after the answer has left
        await().atMost(AUDIT_WRITTEN).untilAsserted(() -> {
            List<AuditEvent> events = auditEventsAbout(patient);
            AuditEvent read = events.stream()
                    .filter(e -> e.getSubtype().stream().anyMatch(c -> "read".equals(c.getCode())))
                    .filter(e -> e.getAgent().stream().anyMatch(a -> "investigator-hmu2".equals(a.getWho().getIdentifier().getValue())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no read by investigator-hmu2 among " + events.size() + " events"));
            assertThat(read.getRecorded()).isNotNull();
            assertThat(read.getAgent()).anySatisfy(a -> assertThat(a.getNetwork().getAddress()).isNotBlank());
        });
    }

    @Test
    void writesAndSearchesLeaveAuditEventsToo() {
        String patient = "Patient/" + create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));
        fhirRequestAs(Tokens.MONITOR).get("/Patient?_id=" + patient.substring(8)).then().statusCode(200);

        await().atMost(AUDIT_WRITTEN).untilAsserted(() -> assertThat(auditEventsAbout(patient).stream()
                        .flatMap(e -> e.getSubtype().stream())
                        .map(c -> c.getCode()))
                .contains("create", "search-type"));
    }

    @Test
    void aSearchLeavesOneReadEventPerPatientInItsResultNoneLost() {
        String marker = UUID.randomUUID().toString();
        List<String> patients = IntStream.range(0, 12).mapToObj(i -> {
            Patient patient = SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2"));
            patient.addIdentifier().setSystem("urn:isotox:test").setValue(marker);
            return "Patient/" + create(patient);
        }).toList();

        for (int search = 0; search < 3; search++) {
            fhirRequestAs(Tokens.MONITOR).get("/Patient?identifier=urn:isotox:test|" + marker).then().statusCode(200);
        }

        // polling the audit trail leaves AuditEvents of the coordinator's own searches too: only the monitor's count
        await().atMost(AUDIT_WRITTEN).untilAsserted(() -> assertThat(patients).allSatisfy(patient ->
                assertThat(auditEventsAbout(patient).stream()
                        .filter(e -> e.getSubtype().stream().anyMatch(c -> "search-type".equals(c.getCode())))
                        .filter(e -> e.getAgent().stream().anyMatch(a -> Tokens.MONITOR.equals(a.getWho().getIdentifier().getValue()))))
                        .hasSize(3)));
    }

    @Test
    void onlyTheCoordinatorSearchesTheAuditTrail() {
        fhirRequestAs(Tokens.MONITOR).get("/AuditEvent?_count=1").then().statusCode(403);
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/AuditEvent?_count=1").then().statusCode(403);
        fhirRequestAs(Tokens.COORDINATOR).get("/AuditEvent?_count=1").then().statusCode(200);
        // the searches this server added or changed: not even a count, also for the client the events name
        for (String token : List.of(Tokens.INVESTIGATOR_HMU2, Tokens.EHR_HMU2, Tokens.MONITOR)) {
            fhirRequestAs(token).get("/AuditEvent?altid=" + token + "&_summary=count").then().statusCode(403);
            fhirRequestAs(token).get("/AuditEvent?subtype=transaction&_summary=count").then().statusCode(403);
        }
    }

    @Test
    void auditEventsCannotBeChangedOrDeletedThroughTheApi() {
        String patient = "Patient/" + create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));
        AuditEvent event = auditEventsAbout(patient).get(0);
        String id = event.getIdElement().getIdPart();

        event.setOutcomeDesc("rewritten");
        fhirRequest().body(json(event)).put("/AuditEvent/" + id).then().statusCode(403);
        fhirRequest().delete("/AuditEvent/" + id).then().statusCode(403);
        fhirRequest().body(json(new AuditEvent())).post("/AuditEvent").then().statusCode(403);

        AuditEvent stored = org.isotox.testsupport.Fhir.parse(
                fhirRequest().get("/AuditEvent/" + id).then().statusCode(200).extract().response(), AuditEvent.class);
        assertThat(stored.getOutcomeDesc()).isNotEqualTo("rewritten");
    }

    @Test
    void theTrailIsSearchedByWhatTellsEventsApartNotByWhatEveryEventShares() {
        String patient = "Patient/" + create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();

        // the write's event alone (the test's own searches leave read events about the patient too); a token
        // without fhirUser names its user by identifier only, which the agent search cannot follow: altid finds it
        for (String criteria : List.of("patient=" + patient, "action=C", "outcome=0", "type=rest", "date=ge" + today,
                "address=127.0.0.1", "altid=" + Tokens.COORDINATOR)) {
            assertThat(bundle(fhirRequest().get("/AuditEvent?entity=" + patient + "&subtype=create&" + criteria)
                            .then().statusCode(200).extract().response()).getEntry())
                    .as(criteria)
                    .hasSize(1);
        }
        // every BALP event names a system object and a patient: these indexes told no event apart
        for (String retired : List.of("entity-type", "entity-role")) {
            fhirRequest().get("/AuditEvent?" + retired + "=1").then().statusCode(400);
            assertThat(DatabaseRows.indexRows("AuditEvent", retired)).as(retired).isZero();
        }
    }

    @Test
    void aTransactionIsOneAuditEventNamingEachResourceItWroteAndHow() {
        String site = SiteFixtures.organization("ihr-hmu2");
        String patient = "Patient/" + create(SiteFixtures.patientOf(site));
        String changed = "Observation/" + create(SiteFixtures.heartRate(patient));
        String deleted = "Observation/" + create(SiteFixtures.heartRate(patient));
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(SiteFixtures.heartRate(patient))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        transaction.addEntry().setResource(SiteFixtures.heartRate(patient).setValue(new org.hl7.fhir.r4.model.Quantity(80)).setId(changed))
                .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(changed);
        transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(deleted);

        Bundle response = bundle(fhirRequest().body(json(transaction)).post("/").then().statusCode(200).extract().response());
        String created = new org.hl7.fhir.r4.model.IdType(response.getEntry().get(0).getResponse().getLocation())
                .toUnqualifiedVersionless().getValue();

        AuditEvent event = auditEventsAbout(created).stream()
                .filter(e -> e.getSubtype().stream().anyMatch(c -> "transaction".equals(c.getCode())))
                .findFirst().orElseThrow();
        assertThat(event.getEntity()).filteredOn(e -> "4".equals(e.getRole().getCode()))
                .extracting(e -> e.getWhat().hasReference()
                                ? new org.hl7.fhir.r4.model.IdType(e.getWhat().getReference()).toUnqualifiedVersionless().getValue()
                                : e.getWhat().getIdentifier().getValue().replaceAll("/_history/.*", ""),
                        e -> e.getLifecycle().getCode())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(created, "1"),
                        org.assertj.core.groups.Tuple.tuple(changed, "3"),
                        org.assertj.core.groups.Tuple.tuple(deleted, "14"));
        assertThat(event.getEntity()).filteredOn(e -> "1".equals(e.getRole().getCode()))
                .extracting(e -> new org.hl7.fhir.r4.model.IdType(e.getWhat().getReference()).toUnqualifiedVersionless().getValue())
                .containsExactly(patient);
        assertThat(auditEventsAbout(changed)).extracting(e -> e.getIdElement().getIdPart()).contains(event.getIdElement().getIdPart());
        assertThat(bundle(fhirRequest().get("/AuditEvent?patient=" + patient + "&subtype=transaction")
                        .then().statusCode(200).extract().response()).getEntry())
                .hasSize(1);
    }

    private static final Duration AUDIT_WRITTEN = Duration.ofSeconds(30);

    private static List<AuditEvent> auditEventsAbout(String reference) {
        Bundle found = bundle(fhirRequest().get("/AuditEvent?entity=" + reference + "&_count=100")
                .then().statusCode(200).extract().response());
        return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }
}
