package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.json;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each role × each kind of resource × read / search / write × own site / other site gives the
 * status the access rules promise. Site A is ihr-hmu2 (the investigator's and the EHR's), site B
 * ihr-ncpb. The coordinator's patients here belong to the site their {@code managingOrganization} names
 * (the server labels them so); {@link SiteIsolationAttackIT} tries every other door.
 */
@FhirServerTest
class AuthorizationMatrixIT {

    enum Site { OWN, OTHER }

    private static String siteA;
    private static String siteB;
    private static String patientA;
    private static String patientB;
    private static String observationA;
    private static String observationB;
    private static String study;

    @BeforeEach
    void twoSitesWithOnePatientEach() {
        if (patientA != null) {
            return;
        }
        siteA = SiteFixtures.organization("ihr-hmu2");
        siteB = SiteFixtures.organization("ihr-ncpb");
        patientA = "Patient/" + create(SiteFixtures.patientOf(siteA));
        patientB = "Patient/" + create(SiteFixtures.patientOf(siteB));
        observationA = "Observation/" + create(SiteFixtures.heartRate(patientA));
        observationB = "Observation/" + create(SiteFixtures.heartRate(patientB));
        study = IhrStudy.load().studyReference();
    }

    /** Another site's record answers as one that does not exist: 404, not 403 (which would confirm it exists). */
    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of(Tokens.INVESTIGATOR_HMU2, Site.OWN, 200),
                Arguments.of(Tokens.INVESTIGATOR_HMU2, Site.OTHER, 404),
                Arguments.of(Tokens.EHR_HMU2, Site.OWN, 200),
                Arguments.of(Tokens.EHR_HMU2, Site.OTHER, 404),
                Arguments.of(Tokens.MONITOR, Site.OWN, 200),
                Arguments.of(Tokens.MONITOR, Site.OTHER, 200),
                Arguments.of(Tokens.COORDINATOR, Site.OWN, 200),
                Arguments.of(Tokens.COORDINATOR, Site.OTHER, 200));
    }

    @ParameterizedTest(name = "{0} reads a patient of the {1} site: {2}")
    @MethodSource("reads")
    void readingAPatient(String client, Site site, int expected) {
        fhirRequestAs(client).get("/" + (site == Site.OWN ? patientA : patientB)).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} reads an Observation of the {1} site: {2}")
    @MethodSource("reads")
    void readingAnObservation(String client, Site site, int expected) {
        fhirRequestAs(client).get("/" + (site == Site.OWN ? observationA : observationB)).then().statusCode(expected);
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of(Tokens.INVESTIGATOR_HMU2, true, false),
                Arguments.of(Tokens.EHR_HMU2, true, false),
                Arguments.of(Tokens.MONITOR, true, true),
                Arguments.of(Tokens.COORDINATOR, true, true));
    }

    @ParameterizedTest(name = "{0} searches Patients: own site found {1}, other site found {2}")
    @MethodSource("searches")
    void searchingPatients(String client, boolean ownFound, boolean otherFound) {
        List<String> found = ids(fhirRequestAs(client).get("/Patient?_id=" + id(patientA) + "," + id(patientB)));

        assertThat(found.contains(patientA)).isEqualTo(ownFound);
        assertThat(found.contains(patientB)).isEqualTo(otherFound);
    }

    @ParameterizedTest(name = "{0} searches Observations: own site found {1}, other site found {2}")
    @MethodSource("searches")
    void searchingObservations(String client, boolean ownFound, boolean otherFound) {
        List<String> found = ids(fhirRequestAs(client).get("/Observation?_id=" + id(observationA) + "," + id(observationB)));

        assertThat(found.contains(observationA)).isEqualTo(ownFound);
        assertThat(found.contains(observationB)).isEqualTo(otherFound);
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of(Tokens.INVESTIGATOR_HMU2, Site.OWN, 201),
                Arguments.of(Tokens.INVESTIGATOR_HMU2, Site.OTHER, 403),
                Arguments.of(Tokens.EHR_HMU2, Site.OWN, 201),
                Arguments.of(Tokens.EHR_HMU2, Site.OTHER, 403),
                Arguments.of(Tokens.MONITOR, Site.OWN, 403),
                Arguments.of(Tokens.MONITOR, Site.OTHER, 403),
                Arguments.of(Tokens.COORDINATOR, Site.OWN, 201),
                Arguments.of(Tokens.COORDINATOR, Site.OTHER, 201));
    }

    @ParameterizedTest(name = "{0} records an Observation for a patient of the {1} site: {2}")
    @MethodSource("writes")
    void writingAnObservation(String client, Site site, int expected) {
        Observation observation = SiteFixtures.heartRate(site == Site.OWN ? patientA : patientB);

        Response response = fhirRequestAs(client).body(json(observation)).post("/Observation");

        response.then().statusCode(expected);
        if (expected == 403) {
            assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("Access denied");
        }
    }

    @ParameterizedTest(name = "{0} registers a patient managed by the {1} site: {2}")
    @MethodSource("writes")
    void registeringAPatient(String client, Site site, int expected) {
        Patient patient = SiteFixtures.patientOf(site == Site.OWN ? siteA : siteB);

        fhirRequestAs(client).body(json(patient)).post("/Patient").then().statusCode(expected);
    }

    static Stream<Arguments> studyAccess() {
        return Stream.of(
                Arguments.of(Tokens.INVESTIGATOR_HMU2, 200, 403),
                Arguments.of(Tokens.EHR_HMU2, 200, 403),
                Arguments.of(Tokens.MONITOR, 200, 403),
                Arguments.of(Tokens.COORDINATOR, 200, 200));
    }

    @ParameterizedTest(name = "{0} reads the study: {1}, changes it: {2}")
    @MethodSource("studyAccess")
    void theStudyIsReadByAllAndChangedByTheCoordinator(String client, int read, int write) {
        Response current = fhirRequestAs(client).get("/" + study);
        current.then().statusCode(read);

        fhirRequestAs(client).body(current.asString()).put("/" + study).then().statusCode(write);
    }

    @ParameterizedTest(name = "{0} reads the history of a patient of the {1} site: {2}")
    @MethodSource("reads")
    void historyObeysTheSameRules(String client, Site site, int expected) {
        fhirRequestAs(client).get("/" + (site == Site.OWN ? patientA : patientB) + "/_history").then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} asks $everything of a patient of the {1} site: {2}")
    @MethodSource("reads")
    void everythingObeysTheSameRules(String client, Site site, int expected) {
        fhirRequestAs(client).get("/" + (site == Site.OWN ? patientA : patientB) + "/$everything").then().statusCode(expected);
    }

    @ParameterizedTest(name = "investigator: $overdue for {0}: {1}")
    @MethodSource("overdueCalls")
    void aSiteInvestigatorsCallListIsOnlyHisSites(String siteParameter, int expected) {
        String site = switch (siteParameter) {
            case "own site" -> "&site=" + siteA;
            case "other site" -> "&site=" + siteB;
            default -> "";
        };
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + study + "/$overdue?asOf=2026-06-01" + site).then().statusCode(expected);
    }

    static Stream<Arguments> overdueCalls() {
        return Stream.of(Arguments.of("own site", 200), Arguments.of("other site", 403), Arguments.of("no site", 403));
    }

    @ParameterizedTest(name = "investigator checks the eligibility of a patient of the {0} site: {1}")
    @MethodSource("eligibilityChecks")
    void aSiteInvestigatorChecksOnlyHisSitesPatients(Site site, int expected) {
        String patient = site == Site.OWN ? patientA : patientB;
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/" + study + "/$check-eligibility?patient=" + patient).then().statusCode(expected);
    }

    static Stream<Arguments> eligibilityChecks() {
        return Stream.of(Arguments.of(Site.OWN, 200), Arguments.of(Site.OTHER, 403));
    }

    @ParameterizedTest(name = "{0} starts a bulk export: {1}")
    @MethodSource("bulkExport")
    void onlyTheCoordinatorExportsInBulk(String client, int expected) {
        fhirRequestAs(client).header("Prefer", "respond-async").get("/$export?_type=Patient").then().statusCode(expected);
    }

    static Stream<Arguments> bulkExport() {
        return Stream.of(
                Arguments.of(Tokens.INVESTIGATOR_HMU2, 403),
                Arguments.of(Tokens.MONITOR, 403),
                Arguments.of(Tokens.COORDINATOR, 202));
    }

    @ParameterizedTest(name = "{0} pushes a transaction with a new patient of its site and his Observation")
    @MethodSource("siteBoundWriters")
    void aTransactionWithANewPatientOfTheSiteAndHisDataIsAccepted(String client) {
        Bundle push = SiteFixtures.newPatientWithHeartRate(siteA);

        Bundle result = bundle(fhirRequestAs(client).body(json(push)).post("/").then().statusCode(200).extract().response());

        assertThat(result.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
    }

    @ParameterizedTest(name = "{0} cannot slip another site's patient into a transaction")
    @MethodSource("siteBoundWriters")
    void aTransactionWithAPatientOfAnotherSiteIsRefusedWhole(String client) {
        Bundle push = SiteFixtures.newPatientWithHeartRate(siteB);
        int before = SiteFixtures.count("Patient", "organization=" + siteB);

        fhirRequestAs(client).body(json(push)).post("/").then().statusCode(403);

        assertThat(SiteFixtures.count("Patient", "organization=" + siteB)).isEqualTo(before);
    }

    static Stream<String> siteBoundWriters() {
        return Stream.of(Tokens.INVESTIGATOR_HMU2, Tokens.EHR_HMU2);
    }

    private static List<String> ids(Response response) {
        return bundle(response.then().statusCode(200).extract().response()).getEntry().stream()
                .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
                .toList();
    }

    private static String id(String reference) {
        return reference.substring(reference.indexOf('/') + 1);
    }

}
