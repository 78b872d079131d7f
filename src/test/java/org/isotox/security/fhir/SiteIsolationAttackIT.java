package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.json;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacker's table: every door a resource passes, tried by site ihr-hmu2's investigator and EHR
 * against the data site ihr-ncpb wrote through its own client (a patient, his heart rate, a Task, a
 * Binary, a Provenance), and every write door by the read-only monitor. Each answer must have the
 * status the door promises and carry no id or identifier of the other site's data; what a refused
 * write aimed at is unchanged afterwards.
 */
@FhirServerTest
class SiteIsolationAttackIT {

    private static Victim victim;
    private static String study;

    /** What site B stored, and the strings that would betray it in an answer. */
    record Victim(String site, String patient, String observation, String task, String binary, String provenance, String identifier) {

        /** What no answer may carry: the ids of the other site's resources. */
        List<String> ids() {
            List<String> secrets = new ArrayList<>();
            for (String reference : List.of(patient, observation, task, binary, provenance)) {
                secrets.add(reference + "\"");
                secrets.add(reference + "/");
                secrets.add("\"id\":\"" + id(reference) + "\"");
            }
            return secrets;
        }
    }

    /** One door: what the attacker sends, and what a closed door answers. */
    record Door(String name, BiFunction<RequestSpecification, Victim, Response> request, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Expect {
        /** 404, as for a resource that does not exist. */
        NOT_FOUND,
        /** 403 with an OperationOutcome. */
        FORBIDDEN,
        /** 200 with a Bundle that holds nothing of the other site and counts nothing of it. */
        EMPTY_BUNDLE,
        /** A 2xx or 4xx answer that carries nothing of the other site (conditional writes that must not match it). */
        NO_MATCH,
        /** 410, as for a search that has expired. */
        GONE
    }

    @BeforeEach
    void siteBStoresItsData() {
        if (victim != null) {
            return;
        }
        study = fhirRequest().get("/ResearchStudy?identifier=NCT03606291").path("entry[0].resource.id");
        String siteB = SiteFixtures.organization("ihr-ncpb");
        String identifier = UUID.randomUUID().toString();
        Patient patient = SiteFixtures.patientOf(siteB);
        patient.getIdentifierFirstRep().setSystem("urn:isotox:test:attack").setValue(identifier);
        patient.getNameFirstRep().setFamily("Attacked-" + identifier.substring(0, 8));
        String patientRef = "Patient/" + createAs(Tokens.INVESTIGATOR_NCPB, "Patient", json(patient));
        String observation = "Observation/" + createAs(Tokens.INVESTIGATOR_NCPB, "Observation", json(SiteFixtures.heartRate(patientRef)));
        String task = "Task/" + createAs(Tokens.INVESTIGATOR_NCPB, "Task",
                "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\",\"for\":{\"reference\":\"" + patientRef + "\"}}");
        String binary = "Binary/" + createAs(Tokens.INVESTIGATOR_NCPB, "Binary",
                "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"securityContext\":{\"reference\":\"" + patientRef
                        + "\"},\"data\":\"c2VjcmV0\"}");
        String provenance = "Provenance/" + createAs(Tokens.INVESTIGATOR_NCPB, "Provenance",
                "{\"resourceType\":\"Provenance\",\"target\":[{\"reference\":\"" + observation + "\"}],\"recorded\":\"2026-03-02T10:00:00Z\","
                        + "\"agent\":[{\"who\":{\"reference\":\"" + siteB + "\"}}]}");
        victim = new Victim(siteB, patientRef, observation, task, binary, provenance, identifier);
    }

    static Stream<Door> readDoors() {
        return Stream.of(
                new Door("read Patient", (r, v) -> r.get("/" + v.patient()), Expect.NOT_FOUND),
                new Door("read Observation", (r, v) -> r.get("/" + v.observation()), Expect.NOT_FOUND),
                new Door("read Task", (r, v) -> r.get("/" + v.task()), Expect.NOT_FOUND),
                new Door("read Binary", (r, v) -> r.get("/" + v.binary()), Expect.NOT_FOUND),
                new Door("read Binary as raw content", (r, v) -> r.accept("text/plain").get("/" + v.binary()), Expect.NOT_FOUND),
                new Door("read Provenance", (r, v) -> r.get("/" + v.provenance()), Expect.NOT_FOUND),
                new Door("vread Patient", (r, v) -> r.get("/" + v.patient() + "/_history/1"), Expect.NOT_FOUND),
                new Door("history of the Patient", (r, v) -> r.get("/" + v.patient() + "/_history"), Expect.NOT_FOUND),
                new Door("history of the Task", (r, v) -> r.get("/" + v.task() + "/_history"), Expect.NOT_FOUND),
                new Door("history of Patients", (r, v) -> r.get("/Patient/_history"), Expect.FORBIDDEN),
                new Door("history of the server", (r, v) -> r.get("/_history"), Expect.FORBIDDEN),
                new Door("$everything", (r, v) -> r.get("/" + v.patient() + "/$everything"), Expect.NOT_FOUND),
                new Door("$validate on the instance", (r, v) -> r.get("/" + v.patient() + "/$validate"), Expect.NOT_FOUND),
                new Door("$meta of the instance", (r, v) -> r.get("/" + v.patient() + "/$meta"), Expect.NOT_FOUND),
                new Door("search by identifier", (r, v) -> r.get("/Patient?identifier=" + v.identifier()), Expect.EMPTY_BUNDLE),
                new Door("count by identifier", (r, v) -> r.get("/Patient?_summary=count&identifier=" + v.identifier()), Expect.EMPTY_BUNDLE),
                new Door("search with an accurate total", (r, v) -> r.get("/Patient?_total=accurate&identifier=" + v.identifier()), Expect.EMPTY_BUNDLE),
                new Door("search by _id", (r, v) -> r.get("/Patient?_id=" + id(v.patient())), Expect.EMPTY_BUNDLE),
                new Door("search by name", (r, v) -> r.get("/Patient?family=Attacked-" + v.identifier().substring(0, 8)), Expect.EMPTY_BUNDLE),
                new Door("search by subject", (r, v) -> r.get("/Observation?subject=" + v.patient()), Expect.EMPTY_BUNDLE),
                new Door("count by subject", (r, v) -> r.get("/Observation?_summary=count&subject=" + v.patient()), Expect.EMPTY_BUNDLE),
                new Door("chained search", (r, v) -> r.get("/Observation?subject:Patient.identifier=" + v.identifier()), Expect.EMPTY_BUNDLE),
                new Door("chained search through Task", (r, v) -> r.get("/Task?patient.identifier=" + v.identifier()), Expect.EMPTY_BUNDLE),
                new Door("_has on Patient", (r, v) -> r.get("/Patient?_has:Observation:patient:_id=" + id(v.observation())), Expect.EMPTY_BUNDLE),
                new Door("_has on shared data", (r, v) -> r.get("/Organization?_has:Patient:organization:identifier=" + v.identifier()),
                        Expect.EMPTY_BUNDLE),
                new Door("_revinclude from shared data", (r, v) -> r.get("/Organization?_id=" + id(v.site()) + "&_revinclude=Patient:organization"),
                        Expect.NO_MATCH),
                new Door("_include of the subject", (r, v) -> r.get("/Observation?_id=" + id(v.observation()) + "&_include=Observation:subject"),
                        Expect.EMPTY_BUNDLE),
                new Door("search Tasks of the patient", (r, v) -> r.get("/Task?patient=" + v.patient()), Expect.EMPTY_BUNDLE),
                new Door("count Tasks of the patient", (r, v) -> r.get("/Task?_summary=count&patient=" + v.patient()), Expect.EMPTY_BUNDLE),
                new Door("search Provenance of the record", (r, v) -> r.get("/Provenance?target=" + v.observation()), Expect.EMPTY_BUNDLE),
                new Door("search Binary", (r, v) -> r.get("/Binary?_id=" + id(v.binary())), Expect.EMPTY_BUNDLE),
                new Door("POST _search", (r, v) -> r.contentType("application/x-www-form-urlencoded").formParam("identifier", v.identifier())
                        .post("/Patient/_search"), Expect.EMPTY_BUNDLE),
                new Door("batch GET by id", (r, v) -> r.body(batch("batch", "GET", v.patient())).post("/"), Expect.NO_MATCH),
                new Door("batch search", (r, v) -> r.body(batch("batch", "GET", "Patient?identifier=" + v.identifier())).post("/"), Expect.NO_MATCH),
                new Door("transaction GET by id", (r, v) -> r.body(batch("transaction", "GET", v.patient())).post("/"), Expect.NO_MATCH),
                new Door("the coordinator's next page", (r, v) -> r.get(nextPageOfTheCoordinators("/Organization?_count=1")), Expect.GONE),
                new Door("$meta-add on the instance", (r, v) -> r.body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\","
                        + "\"valueMeta\":{\"tag\":[{\"system\":\"urn:x\",\"code\":\"y\"}]}}]}").post("/" + v.patient() + "/$meta-add"),
                        Expect.NOT_FOUND),
                new Door("$everything of every patient", (r, v) -> r.get("/Patient/$everything"), Expect.FORBIDDEN),
                new Door("_include:iterate", (r, v) -> r.get("/Provenance?_id=" + id(v.provenance()) + "&_include=Provenance:target"
                        + "&_include:iterate=Observation:subject"), Expect.EMPTY_BUNDLE),
                new Door("bulk export", (r, v) -> r.header("Prefer", "respond-async").get("/$export?_type=Patient"), Expect.FORBIDDEN),
                new Door("patient-level bulk export", (r, v) -> r.header("Prefer", "respond-async").get("/Patient/$export"), Expect.FORBIDDEN),
                new Door("the audit trail", (r, v) -> r.get("/AuditEvent?patient=" + v.patient()), Expect.FORBIDDEN),
                new Door("eligibility of the patient", (r, v) -> r.get("/ResearchStudy/" + study + "/$check-eligibility?patient=" + v.patient()),
                        Expect.FORBIDDEN));
    }

    static Stream<Door> writeDoors() {
        return Stream.of(
                new Door("update the Patient", (r, v) -> r.body(renamed(v)).put("/" + v.patient()), Expect.FORBIDDEN),
                new Door("patch the Patient", (r, v) -> r.contentType("application/json-patch+json")
                        .body("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]").patch("/" + v.patient()), Expect.FORBIDDEN),
                new Door("delete the Patient", (r, v) -> r.delete("/" + v.patient()), Expect.FORBIDDEN),
                new Door("delete the Task", (r, v) -> r.delete("/" + v.task()), Expect.FORBIDDEN),
                new Door("update the Task", (r, v) -> r.body("{\"resourceType\":\"Task\",\"id\":\"" + id(v.task())
                        + "\",\"status\":\"cancelled\",\"intent\":\"order\"}").put("/" + v.task()), Expect.FORBIDDEN),
                new Door("delete the Binary", (r, v) -> r.delete("/" + v.binary()), Expect.FORBIDDEN),
                new Door("record an Observation about the patient", (r, v) -> r.body(json(SiteFixtures.heartRate(v.patient()))).post("/Observation"),
                        Expect.FORBIDDEN),
                new Door("create a Task for the patient", (r, v) -> r.body("{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\","
                        + "\"for\":{\"reference\":\"" + v.patient() + "\"}}").post("/Task"), Expect.FORBIDDEN),
                new Door("create a Binary about the patient", (r, v) -> r.body("{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\","
                        + "\"securityContext\":{\"reference\":\"" + v.patient() + "\"},\"data\":\"eA==\"}").post("/Binary"), Expect.FORBIDDEN),
                new Door("enrol the patient as a candidate of the own site", (r, v) -> r.body(candidate(v.patient(),
                        SiteFixtures.organization("ihr-hmu2"))).post("/ResearchSubject"), Expect.FORBIDDEN),
                new Door("transaction with a record about the patient", (r, v) -> r.body(transactionAbout(v.patient())).post("/"), Expect.FORBIDDEN),
                new Door("conditional update of the patient", (r, v) -> r.body(renamed(v).replace("\"id\":\"" + id(v.patient()) + "\",", ""))
                        .put("/Patient?identifier=urn:isotox:test:attack|" + v.identifier()), Expect.NO_MATCH),
                new Door("conditional patch of the patient", (r, v) -> r.contentType("application/json-patch+json")
                        .body("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]")
                        .patch("/Patient?identifier=urn:isotox:test:attack|" + v.identifier()), Expect.NO_MATCH),
                new Door("conditional delete of the patient", (r, v) -> r.delete("/Patient?identifier=urn:isotox:test:attack|" + v.identifier()),
                        Expect.NO_MATCH),
                new Door("conditional create matching the patient", (r, v) -> r.header("If-None-Exist",
                        "identifier=urn:isotox:test:attack|" + v.identifier()).body(renamed(v).replace("\"id\":\"" + id(v.patient()) + "\",", ""))
                        .post("/Patient"), Expect.NO_MATCH));
    }

    static Stream<Arguments> siteAttacks() {
        List<Arguments> cases = new ArrayList<>();
        for (String attacker : List.of(Tokens.INVESTIGATOR_HMU2, Tokens.EHR_HMU2)) {
            Stream.concat(readDoors(), writeDoors()).forEach(door -> cases.add(Arguments.of(attacker, door)));
        }
        return cases.stream();
    }

    static Stream<Arguments> monitorAttacks() {
        return writeDoors().filter(door -> door.expect() == Expect.FORBIDDEN).map(door -> Arguments.of(Tokens.MONITOR, door));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({"siteAttacks", "monitorAttacks"})
    void anotherSitesTokenGetsNothingThroughThisDoor(String attacker, Door door) {
        String before = fhirRequest().get("/" + victim.patient()).then().statusCode(200).extract().path("meta.versionId");

        Response answer = door.request().apply(fhirRequestAs(attacker), victim);

        String body = answer.asString();
        switch (door.expect()) {
            case NOT_FOUND -> assertThat(answer.statusCode()).as(body).isEqualTo(404);
            case FORBIDDEN -> {
                assertThat(answer.statusCode()).as(body).isEqualTo(403);
                assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).isNotBlank();
            }
            case EMPTY_BUNDLE -> {
                assertThat(answer.statusCode()).as(body).isEqualTo(200);
                Bundle bundle = bundle(answer);
                assertThat(bundle.getEntry()).as(body).isEmpty();
                assertThat(bundle.hasTotal() ? bundle.getTotal() : 0).as(body).isZero();
            }
            case NO_MATCH -> assertThat(answer.statusCode()).as(body).isLessThan(500);
            case GONE -> assertThat(answer.statusCode()).as(body).isEqualTo(410);
        }
        assertThat(victim.ids()).as("the answer names the other site's data: %s", body).noneMatch(body::contains);
        if (body.startsWith("{\"resourceType\":\"Bundle\"")) {
            String entries = json(withoutLinks(bundle(answer)));
            assertThat(entries).as("the answer holds the other site's data").doesNotContain("\"code\":\"ihr-ncpb\"");
        }
        if (answer.statusCode() == 201 && answer.header("Location") != null) {
            // a conditional write that rightly matched nothing created the attacker's own record: gone again for the next door
            String created = answer.header("Location").replaceAll(".*/fhir/", "").replaceAll("/_history/.*", "");
            fhirRequest().delete("/" + created).then().statusCode(200);
        }
        assertThat(fhirRequest().get("/" + victim.patient()).then().statusCode(200).extract().<String>path("meta.versionId"))
                .as("the other site's patient is unchanged").isEqualTo(before);
        assertThat(fhirRequest().get("/" + victim.task()).then().extract().statusCode()).isEqualTo(200);
        assertThat(fhirRequest().get("/" + victim.binary()).then().extract().statusCode()).isEqualTo(200);
    }

    @Test
    void theOwningSiteSeesItsDataThroughTheSameDoors() {
        RequestSpecification owner = fhirRequestAs(Tokens.INVESTIGATOR_NCPB);
        owner.get("/" + victim.patient()).then().statusCode(200);
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Patient?identifier=" + victim.identifier())).getEntry()).hasSize(1);
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Task?patient=" + victim.patient())).getEntry()).hasSize(1);
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Provenance?target=" + victim.observation())).getEntry()).hasSize(1);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + victim.binary()).then().statusCode(200);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + victim.patient() + "/_history").then().statusCode(200);
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/" + victim.patient() + "/$everything").then().statusCode(200);
    }

    /** Two sites' EHRs push a patient under the same identifier with conditional creates, as careful EHRs do. */
    @Test
    void aConditionalCreateSeesOnlyItsOwnSitesMatch() {
        String identifier = "urn:isotox:test:shared-mrn|" + UUID.randomUUID();
        String patientOfA = json(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")).setIdentifier(List.of(
                new org.hl7.fhir.r4.model.Identifier().setSystem(identifier.split("\\|")[0]).setValue(identifier.split("\\|")[1]))));
        String patientOfB = json(SiteFixtures.patientOf(SiteFixtures.organization("ihr-ncpb")).setIdentifier(List.of(
                new org.hl7.fhir.r4.model.Identifier().setSystem(identifier.split("\\|")[0]).setValue(identifier.split("\\|")[1]))));

        Response first = fhirRequestAs(Tokens.EHR_NCPB).header("If-None-Exist", "identifier=" + identifier).body(patientOfB).post("/Patient");
        Response second = fhirRequestAs(Tokens.EHR_HMU2).header("If-None-Exist", "identifier=" + identifier).body(patientOfA).post("/Patient");
        Response again = fhirRequestAs(Tokens.EHR_NCPB).header("If-None-Exist", "identifier=" + identifier).body(patientOfB).post("/Patient");

        first.then().statusCode(201);
        second.then().statusCode(201);
        assertThat(second.<String>path("id")).isNotEqualTo(first.<String>path("id"));
        again.then().statusCode(200);
        assertThat(again.<String>path("id")).isEqualTo(first.<String>path("id"));
        assertThat(bundle(fhirRequestAs(Tokens.EHR_HMU2).get("/Patient?identifier=" + identifier)).getEntry()).hasSize(1);
        assertThat(bundle(fhirRequest().get("/Patient?identifier=" + identifier)).getEntry()).hasSize(2);
    }

    @Test
    void everyResourceASiteWritesCarriesItsSiteLabel() {
        Patient stored = org.isotox.testsupport.Fhir.parse(fhirRequest().get("/" + victim.patient()), Patient.class);
        Observation observation = org.isotox.testsupport.Fhir.parse(fhirRequest().get("/" + victim.observation()), Observation.class);

        assertThat(stored.getMeta().getSecurity(OwnershipLabels.SITE_SYSTEM, "ihr-ncpb")).isNotNull();
        assertThat(observation.getMeta().getSecurity(OwnershipLabels.SITE_SYSTEM, "ihr-ncpb")).isNotNull();
    }

    /** The Bundle without its links (which echo the attacker's own query), nested Bundles too. */
    private static Bundle withoutLinks(Bundle bundle) {
        bundle.setLink(List.of());
        bundle.getEntry().forEach(e -> {
            e.setLink(List.of());
            if (e.getResource() instanceof Bundle nested) {
                withoutLinks(nested);
            }
        });
        return bundle;
    }

    /** The path of the next page of a search the coordinator made (its total counts every site). */
    private static String nextPageOfTheCoordinators(String search) {
        Response first = fhirRequest().get(search);
        assertThat(bundle(first).getLink("next")).as(first.asString()).isNotNull();
        String next = bundle(first).getLink("next").getUrl();
        return next.substring(next.indexOf("/fhir") + "/fhir".length());
    }

    private static String createAs(String client, String type, String body) {
        return fhirRequestAs(client).body(body).post("/" + type).then().statusCode(201).extract().path("id");
    }

    private static String id(String reference) {
        return reference.substring(reference.indexOf('/') + 1);
    }

    private static String renamed(Victim v) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id(v.patient()) + "\",\"identifier\":[{\"system\":\"urn:isotox:test:attack\",\"value\":\""
                + v.identifier() + "\"}],\"name\":[{\"family\":\"Hijacked\"}]}";
    }

    private static String candidate(String patient, String site) {
        return "{\"resourceType\":\"ResearchSubject\",\"status\":\"candidate\",\"period\":{\"start\":\"2026-03-01\"},\"study\":{\"reference\":\"ResearchStudy/"
                + study + "\"},"
                + "\"individual\":{\"reference\":\"" + patient + "\"},\"extension\":[{\"url\":"
                + "\"https://isotox.org/fhir/StructureDefinition/research-subject-site\",\"valueReference\":{\"reference\":\"" + site + "\"}}]}";
    }

    private static String batch(String type, String method, String url) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[{\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url + "\"}}]}";
    }

    private static String transactionAbout(String patient) {
        Bundle push = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        push.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(SiteFixtures.heartRate(patient))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        return json(push);
    }
}
