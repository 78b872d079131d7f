package org.isotox.simon.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.parse;
import static org.isotox.testsupport.TrialFixtures.ESOPHAGITIS;
import static org.isotox.testsupport.TrialFixtures.GRADE_2;
import static org.isotox.testsupport.TrialFixtures.GRADE_3;
import static org.isotox.testsupport.TrialFixtures.GRADE_4;
import static org.isotox.testsupport.TrialFixtures.NCIT;
import static org.isotox.testsupport.TrialFixtures.PNEUMONITIS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.testsupport.Dvhs;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Prescriptions;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23 end to end on PostgreSQL: subjects built as a site builds them (enrolment, prescription,
 * fractions, gradings, a revoked prescription, a stopped course summary, a break given a cause), and
 * what the stopping rule makes of them (D1 course end, D2 a stop as an interruption, D3 breaks by date,
 * the not-yet-evaluable list, the per-term reading).
 */
@FhirServerTest
class StoppingRuleOnRealCoursesIT {

    private static final String ENROLMENT = "2026-01-05";
    /** Mondays to Fridays from Monday 2 February 2026: ten fractions, the last on Friday 13 February. */
    private static final LocalDate FIRST_FRACTION = LocalDate.of(2026, 2, 2);
    private static final LocalDate TENTH_FRACTION = LocalDate.of(2026, 2, 13);
    private static final String SNOMED = "http://snomed.info/sct";

    @Autowired
    private StoppingSweep sweep;

    /**
     * D1 and D2: a course revoked after 10 of 23 fractions for esophagitis G3 ends at its tenth fraction,
     * so stage 1 is decided instead of waiting for ever; the stop is an interruption of 7 days or more
     * once 7 days pass, so the grading is severe from then on; follow-up is scheduled from the last fraction.
     */
    @Test
    void aCourseRevokedForEsophagitisEndsAtItsLastFractionAndCountsAsAnInterruption() {
        List<String> patients = patients(13);
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        for (int i = 0; i < 12; i++) {
            TrialFixtures.enrol(ihr, patients.get(i), ENROLMENT).then().statusCode(201);
        }
        for (int i = 1; i < 12; i++) {
            TrialFixtures.completeCourse(patients.get(i), "2026-01-12", "2026-02-20", 22);
        }
        String stopped = patients.get(0);
        Dvhs.lungV20Binds().storeFor(stopped);
        ServiceRequest prescription = Prescriptions.active(stopped, 23);
        TrialFixtures.deliverFractions(stopped, weekdays(FIRST_FRACTION, 10));
        TrialFixtures.recordToxicity(stopped, ESOPHAGITIS, GRADE_3, "2026-02-16", 0);

        Prescriptions.revoke(prescription, new Coding(NCIT, ESOPHAGITIS, "Esophagitis"));

        Procedure summary = courseSummaryOf(stopped);
        assertThat(summary.getStatus()).isEqualTo(Procedure.ProcedureStatus.STOPPED);
        assertThat(summary.getStatusReason().getCodingFirstRep().getCode()).isEqualTo(ESOPHAGITIS);
        assertThat(summary.getStatusReason().getCoding()).as("mCODE's termination reason beside the term")
                .anySatisfy(c -> assertThat(c.getCode()).isEqualTo("407563006"));
        assertThat(summary.getPerformedPeriod().getEndElement().getValueAsString()).isEqualTo(TENTH_FRACTION.toString());
        fhirRequest(summary).put("/Procedure/" + summary.getIdElement().getIdPart()).then().statusCode(200);
        Parameters today = simonStatus(ihr, null);
        assertThat(integer(today, "evaluable")).isEqualTo(12);
        assertThat(integer(today, "severeToxicities")).as("G3 esophagitis that ended radiotherapy").isEqualTo(1);
        assertThat(decision(today)).isEqualTo("accruing-stage-2");
        TrialFixtures.enrol(ihr, patients.get(12), ENROLMENT).then().statusCode(201);

        assertThat(integer(simonStatus(ihr, "2026-02-19"), "severeToxicities")).as("6 days without a fraction").isZero();
        assertThat(integer(simonStatus(ihr, "2026-02-20"), "severeToxicities")).as("7 days without a fraction").isEqualTo(1);
        assertThat(TrialFixtures.followUpVisits(ihr, stopped)).contains(TENTH_FRACTION.plusMonths(1).toString());
    }

    /**
     * D1 and item 7: the site sets the course summary to stopped, naming the patient's refusal; the subject is
     * listed as not yet evaluable until 90 days after the last fraction, and a G3 esophagitis graded after the
     * stop does not borrow a stop that names another cause.
     */
    @Test
    void aCourseTheSiteStopsForRefusalEndsButIsNoToxicInterruption() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient(ENROLMENT);
        TrialFixtures.deliverFractions(patient, weekdays(FIRST_FRACTION, 10));
        Procedure summary = courseSummaryOf(patient);
        summary.setStatus(Procedure.ProcedureStatus.STOPPED)
                .setStatusReason(new CodeableConcept().addCoding(new Coding(SNOMED, "105480006", "Refusal of treatment by patient")));
        fhirRequest(summary).put("/Procedure/" + summary.getIdElement().getIdPart()).then().statusCode(200);
        TrialFixtures.recordToxicity(patient, ESOPHAGITIS, GRADE_3, "2026-02-17", 0);

        Parameters march = simonStatus(ihr, "2026-03-01");
        assertThat(integer(march, "severeToxicities")).isZero();
        ParametersParameterComponent pending = march.getParameter("notYetEvaluable");
        assertThat(part(pending, "reason")).isEqualTo("radiotherapy-stopped");
        assertThat(part(pending, "lastFraction")).isEqualTo(TENTH_FRACTION.toString());
        assertThat(part(pending, "evaluableOn")).isEqualTo(TENTH_FRACTION.plusDays(90).toString());
        assertThat(integer(simonStatus(ihr, TENTH_FRACTION.plusDays(90).toString()), "evaluable")).isEqualTo(1);

        Parameters asSeenByAnotherSite = parse(fhirRequestAs(Tokens.INVESTIGATOR_NCPB)
                .get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-03-01").then().statusCode(200).extract().response(),
                Parameters.class);
        assertThat(asSeenByAnotherSite.getParameter().stream().map(ParametersParameterComponent::getName))
                .doesNotContain("notYetEvaluable", "lateSevereToxicity");
    }

    /**
     * D1, the gap rule: no fraction for 28 days (the IHR study's courseStoppedWithoutFractionAfter) while
     * fractions remain ends the course at its last fraction; the nightly sweep records it on the summary.
     */
    @Test
    void aCourseWithoutFractionsForTwentyEightDaysCountsAsStopped() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient(ENROLMENT);
        TrialFixtures.deliverFractions(patient, weekdays(FIRST_FRACTION, 10));

        assertThat(part(simonStatus(ihr, TENTH_FRACTION.plusDays(27).toString()).getParameter("notYetEvaluable"), "reason"))
                .isEqualTo("radiotherapy-running");
        ParametersParameterComponent stopped = simonStatus(ihr, TENTH_FRACTION.plusDays(28).toString()).getParameter("notYetEvaluable");
        assertThat(part(stopped, "reason")).isEqualTo("radiotherapy-stopped-without-fractions");
        assertThat(part(stopped, "evaluableOn")).isEqualTo(TENTH_FRACTION.plusDays(90).toString());

        sweep.sweep();

        Procedure summary = courseSummaryOf(patient);
        assertThat(summary.getStatus()).isEqualTo(Procedure.ProcedureStatus.STOPPED);
        assertThat(summary.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("course-stopped-without-fractions");
        TrialFixtures.deliverFractions(patient, LocalDate.of(2026, 12, 1));
        assertThat(courseSummaryOf(patient).getStatus()).as("a fraction after the stop resumes the course")
                .isEqualTo(Procedure.ProcedureStatus.INPROGRESS);
    }

    /**
     * D3: a 10-day break (Friday 6 to Monday 16 February) the site gives esophagitis as its cause counts for a
     * G3 grading dated from 7 days before it began to its end, not for one in April after radiotherapy.
     */
    @Test
    void aBreakCountsOnlyForGradingsDatedAroundIt() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String graded5DaysBefore = ihr.enrolNewPatient(ENROLMENT);
        String gradedInApril = ihr.enrolNewPatient(ENROLMENT);
        for (String patient : List.of(graded5DaysBefore, gradedInApril)) {
            TrialFixtures.deliverFractions(patient, FIRST_FRACTION, FIRST_FRACTION.plusDays(1), FIRST_FRACTION.plusDays(2),
                    FIRST_FRACTION.plusDays(3), FIRST_FRACTION.plusDays(4), FIRST_FRACTION.plusDays(14));
            giveTheBreakACause(patient, ESOPHAGITIS);
            TrialFixtures.deliverFractions(patient, FIRST_FRACTION.plusDays(15));
            TrialFixtures.recordToxicity(patient, ESOPHAGITIS, GRADE_2, "2026-02-09", 0);
        }
        TrialFixtures.recordToxicity(graded5DaysBefore, ESOPHAGITIS, GRADE_3, "2026-02-01", 0);
        TrialFixtures.recordToxicity(gradedInApril, ESOPHAGITIS, GRADE_3, "2026-04-10", 0);

        Extension kept = courseSummaryOf(gradedInApril).getExtensionByUrl(IhrStudy.PROFILE_BASE + "treatment-interruption");
        assertThat(((CodeableConcept) kept.getExtensionByUrl("reason").getValue()).getCodingFirstRep().getCode())
                .as("the cause survives the next fraction's re-derivation").isEqualTo(ESOPHAGITIS);
        assertThat(integer(simonStatus(ihr, null), "severeToxicities")).isEqualTo(1);
    }

    /**
     * Issue 24: a course that ended before enrolment (an earlier, unrelated course) is not the trial's: it neither
     * makes the subject evaluable nor dates the follow-up; the trial course delivered after enrolment does.
     */
    @Test
    void aCourseFromBeforeEnrolmentIsNotTheTrialCourse() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatient();
        TrialFixtures.completeCourse(patient, "2025-03-03", "2025-04-11", 28);
        TrialFixtures.enrol(ihr, patient, ENROLMENT).then().statusCode(201);

        Parameters status = simonStatus(ihr, null);
        assertThat(integer(status, "evaluable")).isZero();
        assertThat(part(status.getParameter("notYetEvaluable"), "reason")).isEqualTo("radiotherapy-not-started");
        assertThat(TrialFixtures.followUpVisits(ihr, patient)).noneMatch(day -> day.startsWith("2025"));

        TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-20", 22);
        assertThat(integer(simonStatus(ihr, null), "evaluable")).isEqualTo(1);
        assertThat(TrialFixtures.followUpVisits(ihr, patient)).contains("2026-03-20");
    }

    /**
     * Issue 24: a course whose first fraction is dated before enrolment (the site enrolled the patient after the
     * course began) but whose summary is based on the subject's trial prescription is the trial course: it makes
     * the subject evaluable and dates the follow-up.
     */
    @Test
    void aCourseFromBeforeEnrolmentBasedOnTheTrialPrescriptionIsTheTrialCourse() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-12");
        Dvhs.lungV20Binds().storeFor(patient);
        ServiceRequest prescription = Prescriptions.active(patient, 23);
        Procedure summary = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(new Reference(patient));
        summary.getCategory().addCoding(new Coding(SNOMED, "1287742003", "Radiotherapy (procedure)"));
        summary.getCode().addCoding(new Coding(SNOMED, "1217123003", "Radiotherapy course of treatment (regime/therapy)"));
        summary.setPerformed(new Period().setStartElement(new DateTimeType("2026-01-08")).setEndElement(new DateTimeType("2026-02-09")));
        summary.addExtension(IhrStudy.PROFILE_BASE + "fractions-delivered", new UnsignedIntType(23));
        summary.addBasedOn(new Reference("ServiceRequest/" + prescription.getIdElement().getIdPart()));
        fhirRequest(summary).post("/Procedure").then().statusCode(201);

        assertThat(integer(simonStatus(ihr, "2026-05-10"), "evaluable")).as("90 days after the last fraction").isEqualTo(1);
        assertThat(TrialFixtures.followUpVisits(ihr, patient)).contains("2026-03-09");
    }

    /**
     * Issue 24: the course summary derives from mCODE's, whose stop names one of its termination reasons; the site
     * stopping for esophagitis names "treatment not tolerated" beside the CTCAE term, and the term is what the
     * stopping rule matches (a stop naming the term alone is refused, naming the invariant).
     */
    @Test
    void aStopNamingMcodesReasonBesideTheTermCountsForThatTerm() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient(ENROLMENT);
        TrialFixtures.deliverFractions(patient, weekdays(FIRST_FRACTION, 10));
        TrialFixtures.recordToxicity(patient, ESOPHAGITIS, GRADE_3, "2026-02-12", 0);
        Procedure summary = courseSummaryOf(patient);
        Coding esophagitis = new Coding(NCIT, ESOPHAGITIS, "Esophagitis");

        summary.setStatus(Procedure.ProcedureStatus.STOPPED).setStatusReason(new CodeableConcept().addCoding(esophagitis));
        String refusal = fhirRequest(summary).put("/Procedure/" + summary.getIdElement().getIdPart()).then().statusCode(422)
                .extract().asString();
        assertThat(refusal).contains("termination-reason-code-invariant");

        summary.setStatusReason(new CodeableConcept()
                .addCoding(new Coding(SNOMED, "407563006", "Treatment not tolerated")).addCoding(esophagitis));
        fhirRequest(summary).put("/Procedure/" + summary.getIdElement().getIdPart()).then().statusCode(200);

        assertThat(integer(simonStatus(ihr, TENTH_FRACTION.plusDays(7).toString()), "severeToxicities"))
                .as("a stop of 7 days for the esophagitis it names").isEqualTo(1);
    }

    /**
     * Item 8: "4 or more patients have grade III or above radiation pneumonitis" or "4 or more ... esophagitis",
     * read per term, does not stop at 2 + 2; the default per-patient reading does (see SimonWalkthroughIT).
     */
    @Test
    void perTermCountingDoesNotStopAtTwoPneumonitisAndTwoEsophagitis() {
        List<String> patients = patients(12);
        IhrStudy ihr = TrialFixtures.newIhrStudy(StoppingRuleOnRealCoursesIT::countPerTerm);
        for (String patient : patients) {
            TrialFixtures.enrol(ihr, patient, ENROLMENT).then().statusCode(201);
            TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-20", 22);
        }
        TrialFixtures.recordToxicity(patients.get(0), PNEUMONITIS, GRADE_3, "2026-02-10", 0);
        TrialFixtures.recordToxicity(patients.get(1), PNEUMONITIS, GRADE_3, "2026-02-11", 0);
        TrialFixtures.recordToxicity(patients.get(2), ESOPHAGITIS, GRADE_4, "2026-02-12", 0);
        TrialFixtures.recordToxicity(patients.get(3), ESOPHAGITIS, GRADE_4, "2026-02-13", 0);

        Parameters status = simonStatus(ihr, null);
        assertThat(decision(status)).isEqualTo("accruing-stage-2");
        assertThat(integer(status, "stage1SevereToxicities")).isEqualTo(2);
        assertThat(part(status.getParameter("reading"), "severeToxicityCounting")).isEqualTo("per-term");
        assertThat(parse(fhirRequest().get("/" + ihr.studyReference()).then().statusCode(200).extract().response(), ResearchStudy.class)
                .getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
    }

    private static void countPerTerm(ResearchStudy study) {
        Extension design = study.getExtensionByUrl(IhrStudy.PROFILE_BASE + "simon-two-stage-design");
        design.getExtensionByUrl("severeToxicityCounting").setValue(new org.hl7.fhir.r4.model.CodeType("per-term"));
    }

    private static void giveTheBreakACause(String patient, String term) {
        Procedure summary = courseSummaryOf(patient);
        summary.getExtensionByUrl(IhrStudy.PROFILE_BASE + "treatment-interruption")
                .addExtension("reason", new CodeableConcept().addCoding(new Coding(NCIT, term, null)));
        fhirRequest(summary).put("/Procedure/" + summary.getIdElement().getIdPart()).then().statusCode(200);
    }

    private static List<String> patients(int count) {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            patients.add(TrialFixtures.eligiblePatient());
        }
        return patients;
    }

    private static LocalDate[] weekdays(LocalDate monday, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = monday; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
        return days.toArray(LocalDate[]::new);
    }

    private static Procedure courseSummaryOf(String patient) {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/Procedure?identifier=https://isotox.org/fhir/sid/derived-course-summary|" + patient.substring("Patient/".length()))
                .then().statusCode(200).extract().response());
        assertThat(found.getEntry()).hasSize(1);
        return (Procedure) found.getEntryFirstRep().getResource();
    }


    private static Parameters simonStatus(IhrStudy ihr, String asOf) {
        String query = asOf == null ? "" : "?asOf=" + asOf;
        return parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status" + query).then().statusCode(200)
                .extract().response(), Parameters.class);
    }

    private static String decision(Parameters status) {
        return status.getParameterValue("decision").primitiveValue();
    }

    private static int integer(Parameters status, String name) {
        return Integer.parseInt(status.getParameterValue(name).primitiveValue());
    }

    private static String part(ParametersParameterComponent parameter, String name) {
        assertThat(parameter).as("parameter with part " + name).isNotNull();
        return Optional.ofNullable(parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null))
                .map(p -> p.getValue().primitiveValue())
                .orElseThrow(() -> new AssertionError("no part " + name));
    }
}
