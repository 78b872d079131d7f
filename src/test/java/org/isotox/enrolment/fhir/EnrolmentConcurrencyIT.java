package org.isotox.enrolment.fhir;

import org.isotox.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.SecondServer;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Forty eligible patients asking for the last stage-1 place at once get exactly one; also when the
 * requests are spread over two server instances on the same PostgreSQL database.
 */
@FhirServerTest
class EnrolmentConcurrencyIT {

    private static final int CONTENDERS = 40;
    private static final int STAGE_ONE = 12;
    private static final String ENROLMENT = "2026-01-05";
    /** Fresh for each test: an enrolment places a patient no site owned at the site of that study copy, for good. */
    private final List<String> patients = new ArrayList<>();

    @BeforeEach
    void eligiblePatients() {
        while (patients.size() < STAGE_ONE - 1 + CONTENDERS) {
            patients.add(TrialFixtures.eligiblePatient());
        }
    }

    @AfterAll
    static void stopSecondServer() {
        SecondServer.stop();
    }

    @Test
    void fortyConcurrentEnrolmentsForTheLastPlaceAcceptExactlyOne() throws Exception {
        IhrStudy ihr = studyWithOnePlaceLeft();
        int port = io.restassured.RestAssured.port;

        List<Integer> statuses = enrolConcurrently(ihr, i -> port);

        assertExactlyOneAccepted(ihr, statuses);
    }

    @Test
    void twoServerInstancesOnOneDatabaseStillAcceptExactlyOne() throws Exception {
        IhrStudy ihr = studyWithOnePlaceLeft();
        int first = io.restassured.RestAssured.port;
        int second = SecondServer.port();

        List<Integer> statuses = enrolConcurrently(ihr, i -> i % 2 == 0 ? first : second);

        assertExactlyOneAccepted(ihr, statuses);
    }

    /**
     * Two enrolments for the last place sent in one transaction: the second does not fit, and neither is stored
     * (before, each entry saw only the committed subjects: both were enrolled as the 12th, 13 in stage 1).
     */
    @Test
    void twoEnrolmentsForTheLastPlaceInOneTransactionAreRefusedTogether() {
        IhrStudy ihr = studyWithOnePlaceLeft();

        Response response = fhirRequest(enrolments(ihr, patients.subList(STAGE_ONE - 1, STAGE_ONE + 1))).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(Fhir.outcome(response).getIssueFirstRep().getDiagnostics()).contains("awaiting-stage-1-evaluation");
        assertThat(Fhir.count("ResearchSubject", "study=" + ihr.studyReference())).isEqualTo(STAGE_ONE - 1);
    }

    /** Enrolments sent in one transaction get consecutive sequence numbers; the same patient twice is refused. */
    @Test
    void enrolmentsInOneTransactionAreNumberedInItsOrder() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        TrialFixtures.enrol(ihr, patients.get(0), ENROLMENT).then().statusCode(201);

        Bundle twice = enrolments(ihr, List.of(patients.get(1), patients.get(1)));
        Response refused = fhirRequest(twice).post("/");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(Fhir.outcome(refused).getIssueFirstRep().getDiagnostics()).contains("already enrolled");
        Response accepted = fhirRequest(enrolments(ihr, patients.subList(1, 4))).post("/");

        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
        assertThat(sequences(ihr)).containsExactly("1", "2", "3", "4");
    }

    private static Bundle enrolments(IhrStudy ihr, List<String> enrolled) {
        return Fhir.creating(Bundle.BundleType.TRANSACTION,
                enrolled.stream().map(patient -> TrialFixtures.subject(ihr, patient, ENROLMENT)).toList());
    }

    private IhrStudy studyWithOnePlaceLeft() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        for (int i = 0; i < STAGE_ONE - 1; i++) {
            TrialFixtures.enrol(ihr, patients.get(i), ENROLMENT).then().statusCode(201);
        }
        return ihr;
    }

    private List<Integer> enrolConcurrently(IhrStudy ihr, IntFunction<Integer> portOfRequest) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                String patient = patients.get(STAGE_ONE - 1 + i);
                int port = portOfRequest.apply(i);
                requests.add(() -> given().port(port).basePath("/fhir").auth().oauth2(Tokens.of(port, Tokens.COORDINATOR))
                        .contentType(Fhir.JSON)
                        .accept(Fhir.JSON)
                        .body(Fhir.json(TrialFixtures.subject(ihr, patient, ENROLMENT)))
                        .post("/ResearchSubject"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(requests)) {
                statuses.add(result.get().statusCode());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExactlyOneAccepted(IhrStudy ihr, List<Integer> statuses) {
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(CONTENDERS - 1);
        assertThat(sequences(ihr)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    }

    private static List<String> sequences(IhrStudy ihr) {
        Bundle subjects = bundle(fhirRequest()
                .header("Cache-Control", "no-cache")
                .get("/ResearchSubject?study=" + ihr.studyReference() + "&_count=100")
                .then()
                .statusCode(200)
                .extract()
                .response());
        return subjects.getEntry().stream()
                .map(e -> ((ResearchSubject) e.getResource()).getExtensionByUrl(IhrStudy.PROFILE_BASE + "enrolment-sequence"))
                .map(extension -> extension.getValue().primitiveValue())
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                .toList();
    }
}
