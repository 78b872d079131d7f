package org.isotox.simon.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;
import static org.isotox.testsupport.TrialFixtures.ESOPHAGITIS;
import static org.isotox.testsupport.TrialFixtures.GRADE_2;
import static org.isotox.testsupport.TrialFixtures.GRADE_3;
import static org.isotox.testsupport.TrialFixtures.GRADE_4;
import static org.isotox.testsupport.TrialFixtures.PNEUMONITIS;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IHR study walked through its Simon two-stage design over the API: once to a stop for
 * toxicity, once through stage 1 into stage 2 and on to 30 subjects.
 */
@FhirServerTest
class SimonWalkthroughIT {

    private static final String ENROLMENT = "2026-01-05";

    /** Patients of their own for each walk: courses and toxicities are patient data and must not leak between studies. */
    private static List<String> eligiblePatients(int count) {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            patients.add(TrialFixtures.eligiblePatient());
        }
        return patients;
    }

    @Test
    void fourthSevereToxicityAmongTheFirstTwelveStopsTheStudy() {
        List<String> patients = eligiblePatients(14);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ResearchSubject subject = parse(
                    TrialFixtures.enrol(ihr, patients.get(i), ENROLMENT).then().statusCode(201).extract().response(),
                    ResearchSubject.class);
            assertThat(integerExtension(subject, "enrolment-sequence")).isEqualTo(i + 1);
            assertThat(integerExtension(subject, "simon-stage")).isEqualTo(1);
            subjects.add(patients.get(i));
        }
        assertThat(decision(ihr)).isEqualTo("awaiting-stage-1-evaluation");
        assertRefused(TrialFixtures.enrol(ihr, patients.get(12), ENROLMENT), "awaiting-stage-1-evaluation");

        TrialFixtures.recordToxicity(subjects.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(subjects.get(1), ESOPHAGITIS, GRADE_4, "2026-02-11", 0);
        TrialFixtures.recordToxicity(subjects.get(2), ESOPHAGITIS, GRADE_3, "2026-02-12", 8);
        TrialFixtures.recordToxicity(subjects.get(3), ESOPHAGITIS, GRADE_3, "2026-02-12", 5);
        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.ACTIVE);
        String fourth = TrialFixtures.recordToxicity(subjects.get(4), PNEUMONITIS, GRADE_3, "2026-02-20", 0);

        ResearchStudy stopped = study(ihr);
        assertThat(stopped.getStatus()).isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        assertThat(stopped.getReasonStopped().getCodingFirstRep().getCode()).isEqualTo("closed-due-to-toxicity");
        assertThat(decision(ihr)).isEqualTo("stopped-for-toxicity");
        assertThat(alerts(ihr)).anySatisfy(text -> assertThat(text).contains("4 of the first 12"));
        assertRefused(TrialFixtures.enrol(ihr, patients.get(13), ENROLMENT), "closed-due-to-toxicity");

        assertReopeningRefused(ihr);
        correctToGrade2(fourth);
        assertThat(study(ihr).getStatus()).as("a stop is not silently undone").isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        assertThat(alerts(ihr)).anySatisfy(text -> assertThat(text).contains("no longer reached"));
        reopen(ihr).then().statusCode(200);
        assertThat(reopenings(ihr)).isEqualTo(1);
    }

    /**
     * Two severe gradings sent in one transaction count together: the rule is applied once all of its entries
     * are written, so the one that makes the fourth severe toxicity among the first 12 stops the study whatever
     * its place in the bundle (before, each entry's check saw only itself and the study went on accruing). A
     * batch's entries are separate writes, the second seeing the first.
     */
    @ParameterizedTest
    @EnumSource(value = Bundle.BundleType.class, names = {"TRANSACTION", "BATCH"})
    void severeToxicitiesSentInOneBundleReachTheBoundaryTogether(Bundle.BundleType type) {
        List<String> patients = eligiblePatients(12);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        for (String patient : patients) {
            TrialFixtures.enrol(ihr, patient, ENROLMENT).then().statusCode(201);
        }
        TrialFixtures.recordToxicity(patients.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(patients.get(1), ESOPHAGITIS, GRADE_4, "2026-02-11", 0);
        Bundle visits = Fhir.creating(type, List.of(
                TrialFixtures.toxicity(patients.get(2), ESOPHAGITIS, GRADE_3, "2026-02-12", 8),
                TrialFixtures.toxicity(patients.get(3), PNEUMONITIS, GRADE_3, "2026-02-13", 0)));

        fhirRequest(visits).post("/").then().statusCode(200);

        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        assertThat(decision(ihr)).isEqualTo("stopped-for-toxicity");
        assertThat(alerts(ihr)).anySatisfy(text -> assertThat(text).contains("4 of the first 12"));
    }

    /** A late severe toxicity sent in a transaction is reported once, as it is when sent alone; an earlier one is not again. */
    @Test
    void aLateSevereToxicitySentInATransactionIsReportedOnce() {
        List<String> patients = eligiblePatients(12);
        IhrStudy ihr = stageOneWithThreeSevereToxicities(patients);
        Bundle visits = Fhir.creating(Bundle.BundleType.TRANSACTION, List.of(
                TrialFixtures.toxicity(patients.get(3), PNEUMONITIS, GRADE_3, "2026-07-20", 0),
                TrialFixtures.toxicity(patients.get(4), PNEUMONITIS, GRADE_2, "2026-07-20", 0)));

        fhirRequest(visits).post("/").then().statusCode(200);
        TrialFixtures.recordToxicity(patients.get(3), ESOPHAGITIS, GRADE_2, "2026-07-25", 0);

        assertThat(alerts(ihr)).filteredOn(text -> text.contains("Severe toxicity after the evaluation window")).hasSize(1);
    }

    /**
     * A transaction that corrects the grading behind a stop and reopens the study is judged on the gradings as the
     * transaction leaves them: the study reopens (before, the reopening was judged on the stored gradings and refused).
     */
    @Test
    void aTransactionCorrectingTheStopAndReopeningReopens() {
        List<String> patients = eligiblePatients(12);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String fourth = stopForToxicity(ihr, patients);
        Bundle correction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        updateEntry(correction, gradedTwo(fourth));
        updateEntry(correction, reopened(ihr));

        fhirRequest(correction).post("/").then().statusCode(200);

        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.ACTIVE);
        assertThat(reopenings(ihr)).isEqualTo(1);
    }

    /**
     * A transaction that reopens a study whose stop was corrected, but itself brings a severe grading that reaches the
     * boundary again, is refused whole: the study stays closed, the grading is not stored, no reopening is recorded.
     */
    @Test
    void aTransactionBringingTheBoundaryBackCannotReopen() {
        List<String> patients = eligiblePatients(12);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String fourth = stopForToxicity(ihr, patients);
        fhirRequest(gradedTwo(fourth)).put("/" + fourth).then().statusCode(200);
        Bundle reopening = Fhir.creating(Bundle.BundleType.TRANSACTION,
                List.of(TrialFixtures.toxicity(patients.get(5), PNEUMONITIS, GRADE_3, "2026-02-21", 0)));
        updateEntry(reopening, reopened(ihr));

        Response refused = fhirRequest(reopening).post("/");

        assertRefused(refused, "still have a severe toxicity");
        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        assertThat(Fhir.count("Observation", "subject=" + patients.get(5) + "&code=" + TrialFixtures.NCIT + "|" + PNEUMONITIS))
                .isZero();
        assertThat(reopenings(ihr)).isZero();
    }

    @Test
    void stageOnePassesAndStageTwoOpensToThirty() {
        List<String> patients = eligiblePatients(31);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        enrolStageOneWithCompletedCourses(ihr, patients);
        TrialFixtures.recordToxicity(patients.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(patients.get(1), PNEUMONITIS, GRADE_3, "2026-02-11", 0);
        TrialFixtures.recordToxicity(patients.get(2), ESOPHAGITIS, GRADE_4, "2026-02-12", 0);
        assertThat(decision(ihr)).isEqualTo("accruing-stage-2");

        for (int i = 12; i < 30; i++) {
            ResearchSubject subject = parse(
                    TrialFixtures.enrol(ihr, patients.get(i), ENROLMENT).then().statusCode(201).extract().response(),
                    ResearchSubject.class);
            assertThat(integerExtension(subject, "simon-stage")).isEqualTo(2);
            assertThat(integerExtension(subject, "enrolment-sequence")).isEqualTo(i + 1);
        }
        assertRefused(TrialFixtures.enrol(ihr, patients.get(30), ENROLMENT), "full");
        Parameters status = simonStatus(ihr);
        assertThat(status.getParameterValue("stage").primitiveValue()).isEqualTo("2");
        assertThat(status.getParameterValue("enrolled").primitiveValue()).isEqualTo("30");
        assertThat(status.getParameterValue("severeToxicities").primitiveValue()).isEqualTo("3");
    }

    /**
     * D4 of issue 23: a severe toxicity dated after the evaluation window (90 days after the last fraction)
     * is reported but does not reopen a decision the window fixed; a status as of a day counts only what
     * was dated by then.
     */
    @Test
    void aLateSevereToxicityDoesNotRewriteTheStageOneDecision() {
        List<String> patients = eligiblePatients(12);
        IhrStudy ihr = stageOneWithThreeSevereToxicities(patients);
        assertThat(decision(ihr)).isEqualTo("accruing-stage-2");

        TrialFixtures.recordToxicity(patients.get(3), PNEUMONITIS, GRADE_3, "2026-07-20", 0);

        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.ACTIVE);
        assertThat(decision(ihr)).isEqualTo("accruing-stage-2");
        Parameters status = simonStatus(ihr);
        assertThat(status.getParameterValue("severeToxicities").primitiveValue()).isEqualTo("3");
        Parameters.ParametersParameterComponent late = status.getParameter("lateSevereToxicity");
        assertThat(late.getPart()).anySatisfy(p -> assertThat(p.getValue().primitiveValue()).isEqualTo("2026-07-20"));
        assertThat(alerts(ihr)).anySatisfy(text -> assertThat(text).contains("Severe toxicity after the evaluation window"));
        Parameters asOfMarch = parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-03-01")
                .then().statusCode(200).extract().response(), Parameters.class);
        assertThat(asOfMarch.getParameterValue("severeToxicities").primitiveValue()).isEqualTo("1");
    }

    @Test
    void samePatientCannotBeEnrolledTwice() {
        String patient = TrialFixtures.eligiblePatient();
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        TrialFixtures.enrol(ihr, patient, ENROLMENT).then().statusCode(201);

        assertRefused(TrialFixtures.enrol(ihr, patient, ENROLMENT), "already enrolled");
    }

    @Test
    void ihrDesignAuditShowsTheStatedAlphaAndPowerCannotHoldTogether() {
        Parameters status = simonStatus(TrialFixtures.newIhrStudy());
        Parameters.ParametersParameterComponent audit = status.getParameter("designAudit");

        // r1/n1 = 8/12, r/n = 25/30 at p0 0.75, p1 0.90 (exact binomial sums)
        assertThat(part(audit, "alpha")).isCloseTo(0.0968, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(part(audit, "power")).isCloseTo(0.8213, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(audit.getPart().stream().filter(p -> p.getName().equals("meetsStatedAlphaAndPower")).findFirst()
                        .orElseThrow().getValue().primitiveValue())
                .isEqualTo("false");
        assertThat(status.getParameterValue("decision").primitiveValue()).isEqualTo("accruing-stage-1");
    }

    private static void assertReopeningRefused(IhrStudy ihr) {
        Response refused = reopen(ihr);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(outcome(refused).getIssueFirstRep().getDiagnostics()).contains("still have a severe toxicity");
    }

    private static Response reopen(IhrStudy ihr) {
        return fhirRequest(reopened(ihr)).put("/" + ihr.studyReference());
    }

    /** The stored study with its status set back to active. */
    private static ResearchStudy reopened(IhrStudy ihr) {
        ResearchStudy study = study(ihr);
        study.setStatus(ResearchStudyStatus.ACTIVE);
        study.setReasonStopped(null);
        return study;
    }

    private static void correctToGrade2(String toxicity) {
        fhirRequest(gradedTwo(toxicity)).put("/" + toxicity).then().statusCode(200);
    }

    /** The stored grading {@code toxicity} with its grade set to 2. */
    private static Observation gradedTwo(String toxicity) {
        Observation corrected = parse(fhirRequest().get("/" + toxicity).then().statusCode(200).extract().response(), Observation.class);
        corrected.setValue(new CodeableConcept().addCoding(new Coding(TrialFixtures.NCIT, GRADE_2, null)));
        return corrected;
    }

    private static void updateEntry(Bundle bundle, Resource resource) {
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl(reference).setResource(resource)
                .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(reference);
    }

    /** All twelve of stage 1 enrolled, four of them with a severe toxicity: the study stops. The fourth grading's reference. */
    private static String stopForToxicity(IhrStudy ihr, List<String> patients) {
        for (String patient : patients.subList(0, 12)) {
            TrialFixtures.enrol(ihr, patient, ENROLMENT).then().statusCode(201);
        }
        TrialFixtures.recordToxicity(patients.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(patients.get(1), ESOPHAGITIS, GRADE_4, "2026-02-11", 0);
        TrialFixtures.recordToxicity(patients.get(2), ESOPHAGITIS, GRADE_3, "2026-02-12", 8);
        String fourth = TrialFixtures.recordToxicity(patients.get(3), PNEUMONITIS, GRADE_3, "2026-02-20", 0);
        assertThat(study(ihr).getStatus()).isEqualTo(ResearchStudyStatus.CLOSEDTOACCRUAL);
        return fourth;
    }

    private static void assertRefused(Response response, String reason) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(outcome(response).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains(reason));
    }

    /** The first twelve patients enrolled, each with radiotherapy delivered from 12 January to 20 February 2026. */
    private static void enrolStageOneWithCompletedCourses(IhrStudy ihr, List<String> patients) {
        for (int i = 0; i < 12; i++) {
            TrialFixtures.enrol(ihr, patients.get(i), ENROLMENT).then().statusCode(201);
            TrialFixtures.completeCourse(patients.get(i), "2026-01-12", "2026-02-20", 22);
        }
    }

    /** Stage 1 enrolled with completed courses, three severe toxicities within their windows: stage 2 opens. */
    private static IhrStudy stageOneWithThreeSevereToxicities(List<String> patients) {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        enrolStageOneWithCompletedCourses(ihr, patients);
        TrialFixtures.recordToxicity(patients.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(patients.get(1), PNEUMONITIS, GRADE_3, "2026-03-11", 0);
        TrialFixtures.recordToxicity(patients.get(2), ESOPHAGITIS, GRADE_4, "2026-04-12", 0);
        return ihr;
    }

    private static String decision(IhrStudy ihr) {
        return simonStatus(ihr).getParameterValue("decision").primitiveValue();
    }

    private static Parameters simonStatus(IhrStudy ihr) {
        return parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status").then().statusCode(200).extract().response(),
                Parameters.class);
    }

    private static ResearchStudy study(IhrStudy ihr) {
        return parse(fhirRequest().get("/" + ihr.studyReference()).then().statusCode(200).extract().response(), ResearchStudy.class);
    }

    private static List<String> alerts(IhrStudy ihr) {
        Bundle found = bundle(fhirRequest().get("/Communication?about=" + ihr.studyReference()).then().statusCode(200).extract().response());
        return found.getEntry().stream()
                .map(e -> ((Communication) e.getResource()).getPayloadFirstRep().getContentStringType().getValue())
                .toList();
    }

    /** The AuditEvents of reopenings (the others about the study record who read or wrote it). */
    private static long reopenings(IhrStudy ihr) {
        return bundle(fhirRequest().get("/AuditEvent?entity=" + ihr.studyReference() + "&_count=500")
                        .then().statusCode(200).extract().response())
                .getEntry().stream()
                .map(e -> (org.hl7.fhir.r4.model.AuditEvent) e.getResource())
                .filter(audit -> audit.getOutcomeDesc() != null && audit.getOutcomeDesc().startsWith("Study reopened"))
                .count();
    }

    private static int integerExtension(ResearchSubject subject, String name) {
        return Integer.parseInt(subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + name).getValue().primitiveValue());
    }

    private static double part(Parameters.ParametersParameterComponent parameter, String name) {
        return Double.parseDouble(parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow().getValue().primitiveValue());
    }
}
