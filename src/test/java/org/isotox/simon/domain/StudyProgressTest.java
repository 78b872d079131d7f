package org.isotox.simon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.isotox.dose.domain.CourseEndRule;
import org.isotox.dose.domain.CoursePhase;
import org.isotox.dose.domain.CourseState;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.toxicity.domain.SevereToxicityCriterion;
import org.isotox.toxicity.domain.SevereToxicityRule;
import org.isotox.toxicity.domain.ToxicityRecord.Term;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IHR design (stop at 4 severe among the first 12, 30 in all, 90-day window) over subjects' courses. */
class StudyProgressTest {

    private static final Term PNEUMONITIS = new Term("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C143767");
    private static final Term ESOPHAGITIS = new Term("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C57797");
    private static final StudyProtocol IHR = new StudyProtocol(
            new SimonDesign(8, 12, 25, 30),
            new StudyProtocol.DesignAssumptions(0.75, 0.90, 0.125, 0.85),
            90,
            new SevereToxicityRule(List.of(new SevereToxicityCriterion(PNEUMONITIS, 3, OptionalInt.empty()))),
            SevereToxicityCounting.PER_PATIENT, 0, CourseEndRule.afterDaysWithoutFraction(28));
    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    private static final LocalDate LAST_FRACTION = LocalDate.of(2026, 2, 20);
    private static final StudyProgress PROGRESS = new StudyProgress(IHR);

    @ParameterizedTest(name = "window ends {0} days after the last fraction; as of +{1} days -> evaluable {2}")
    @CsvSource({"90, 89, false", "90, 90, true", "90, 120, true"})
    void subjectWithoutSevereToxicityBecomesEvaluableWhenTheWindowHasPassed(int window, int daysAfter, boolean evaluable) {
        StoppingStatus status = PROGRESS.status(List.of(course(1, false, List.of())), LAST_FRACTION.plusDays(daysAfter));

        assertThat(status.evaluable()).isEqualTo(evaluable ? 1 : 0);
    }

    @Test
    void severeToxicityMakesASubjectEvaluableAtOnce() {
        StoppingStatus status = PROGRESS.status(List.of(course(1, false, List.of(pneumonitis(3, ENROLLED.plusDays(20))))), ENROLLED.plusDays(21));

        assertThat(status.evaluable()).isEqualTo(1);
        assertThat(status.severeToxicities()).isEqualTo(1);
    }

    /** D4: the window (90 days after the last fraction, IHR) fixes the outcome; what is dated later is reported only. */
    @ParameterizedTest(name = "pneumonitis G3 {0} days after the last fraction counts for Simon: {1}")
    @CsvSource({"89, true", "90, true", "91, false", "150, false"})
    void aSevereToxicityCountsOnlyInsideTheEvaluationWindow(int daysAfterLastFraction, boolean counts) {
        LocalDate dated = LAST_FRACTION.plusDays(daysAfterLastFraction);
        SubjectCourse course = course(1, false, List.of(pneumonitis(3, dated)));

        StoppingStatus status = PROGRESS.status(List.of(course), dated.plusDays(30));

        assertThat(status.severeToxicities()).isEqualTo(counts ? 1 : 0);
        assertThat(status.evaluable()).isEqualTo(1);
        assertThat(PROGRESS.lateSevere(course).isPresent()).isEqualTo(!counts);
        assertThat(PROGRESS.firstSevere(course)).as("the safety endpoint counts it either way").isPresent();
    }

    /** D4: a status as of a day counts only what was dated by then. */
    @Test
    void aStatusAsOfADayIgnoresToxicitiesDatedLater() {
        SubjectCourse course = course(1, false, List.of(pneumonitis(3, LocalDate.of(2026, 7, 1))));
        SubjectCourse running = new SubjectCourse(course.subject(), course.toxicities(), Optional.empty());

        assertThat(PROGRESS.status(List.of(running), LocalDate.of(2026, 6, 30)).severeToxicities()).isZero();
        assertThat(PROGRESS.status(List.of(running), LocalDate.of(2026, 7, 1)).severeToxicities()).isEqualTo(1);
    }

    @Test
    void aWithdrawnSubjectWhoseSevereToxicityCameAfterTheWindowLeavesTheAnalysis() {
        List<SubjectCourse> courses = List.of(course(1, true, List.of(pneumonitis(3, LAST_FRACTION.plusDays(120)))));

        assertThat(PROGRESS.analysed(courses)).isEmpty();
    }

    @Test
    void toxicityRecordedBeforeEnrolmentDoesNotCount() {
        StoppingStatus status = PROGRESS.status(List.of(course(1, false, List.of(pneumonitis(3, ENROLLED.minusDays(1))))), ENROLLED);

        assertThat(status.severeToxicities()).isZero();
    }

    @Test
    void twelveEvaluableWithThreeSevereOpenStageTwo() {
        List<SubjectCourse> courses = subjects(12, 3);

        StoppingStatus status = PROGRESS.status(courses, LAST_FRACTION.plusDays(200));

        assertThat(status.decision()).isEqualTo(StoppingDecision.ACCRUING_STAGE_2);
        assertThat(PROGRESS.stageOfNextSubject(courses)).isEqualTo(2);
    }

    @Test
    void fourthSevereAmongTheFirstTwelveStops() {
        StoppingStatus status = PROGRESS.status(subjects(9, 4), LAST_FRACTION.plusDays(10));

        assertThat(status.decision()).isEqualTo(StoppingDecision.STOPPED_FOR_TOXICITY);
        assertThat(status.enrolmentAllowed()).isFalse();
    }

    @Test
    void withdrawnSubjectWithoutSevereToxicityFreesItsPlace() {
        List<SubjectCourse> courses = new ArrayList<>(subjects(11, 0));
        courses.add(course(12, true, List.of()));

        assertThat(PROGRESS.analysed(courses)).hasSize(11);
        assertThat(PROGRESS.stageOfNextSubject(courses)).isEqualTo(1);
        assertThat(PROGRESS.status(courses, LAST_FRACTION).enrolmentAllowed()).isTrue();
    }

    @Test
    void withdrawnSubjectWithASevereToxicityStaysInTheAnalysis() {
        List<SubjectCourse> courses = new ArrayList<>(subjects(11, 3));
        courses.add(course(12, true, List.of(pneumonitis(4, ENROLLED.plusDays(30)))));

        assertThat(PROGRESS.status(courses, LAST_FRACTION).decision()).isEqualTo(StoppingDecision.STOPPED_FOR_TOXICITY);
    }

    /**
     * Item 8 of issue 23: "more than 3 patients had serious side effects" counts patients; "4 or more patients
     * have grade III or above radiation pneumonitis" or "4 or more ... esophagitis" counts each term apart.
     * Among the first 12, 2 with pneumonitis G3 and 2 with esophagitis G4: 4 patients, 2 per term.
     */
    @Test
    void twoPneumonitisAndTwoEsophagitisStopPerPatientButNotPerTerm() {
        List<SubjectCourse> courses = new ArrayList<>(subjects(12, 2));
        for (int i = 2; i < 4; i++) {
            SubjectCourse plain = courses.get(i);
            courses.set(i, new SubjectCourse(plain.subject(),
                    List.of(new ToxicityRecord(ESOPHAGITIS, 4, 0, ENROLLED.plusDays(30), "Observation/e" + i)), Optional.of(LAST_FRACTION)));
        }
        SevereToxicityRule both = new SevereToxicityRule(List.of(
                new SevereToxicityCriterion(PNEUMONITIS, 3, OptionalInt.empty()),
                new SevereToxicityCriterion(ESOPHAGITIS, 4, OptionalInt.empty())));

        StoppingStatus perPatient = new StudyProgress(withCounting(both, SevereToxicityCounting.PER_PATIENT)).status(courses, LAST_FRACTION);
        StoppingStatus perTerm = new StudyProgress(withCounting(both, SevereToxicityCounting.PER_TERM)).status(courses, LAST_FRACTION);

        assertThat(perPatient.decision()).isEqualTo(StoppingDecision.STOPPED_FOR_TOXICITY);
        assertThat(perPatient.stageOneSevereToxicities()).isEqualTo(4);
        assertThat(perTerm.decision()).isEqualTo(StoppingDecision.AWAITING_STAGE_1_EVALUATION);
        assertThat(perTerm.stageOneSevereToxicities()).isEqualTo(2);
        assertThat(perTerm.evaluable()).as("a severe toxicity of the other term still makes a subject evaluable").isEqualTo(4);
    }

    /** Item 7: no silent stall; who is not evaluable, why, and the day the window closes once radiotherapy is over. */
    @Test
    void theSubjectsNotYetEvaluableSayWhyAndUntilWhen() {
        EnrolledSubject running = new EnrolledSubject("ResearchSubject/1", "Patient/1", 1, ENROLLED, false);
        EnrolledSubject stopped = new EnrolledSubject("ResearchSubject/2", "Patient/2", 2, ENROLLED, false);
        LocalDate tenthFraction = ENROLLED.plusDays(20);
        List<SubjectCourse> courses = List.of(
                new SubjectCourse(running, List.of(), new CourseState(CoursePhase.RUNNING, Optional.of(tenthFraction), Optional.empty())),
                new SubjectCourse(stopped, List.of(), new CourseState(CoursePhase.STOPPED_WITHOUT_FRACTIONS, Optional.of(tenthFraction), Optional.empty())),
                course(3, false, List.of(pneumonitis(3, ENROLLED.plusDays(30)))));

        List<PendingEvaluation> pending = PROGRESS.pending(courses, tenthFraction.plusDays(40));

        assertThat(pending).extracting(p -> p.subject().sequence()).containsExactly(1, 2);
        assertThat(pending.get(0).radiotherapy()).isEqualTo(CoursePhase.RUNNING);
        assertThat(pending.get(0).evaluableOn()).isEmpty();
        assertThat(pending.get(1).evaluableOn()).contains(tenthFraction.plusDays(90));
    }

    private static StudyProtocol withCounting(SevereToxicityRule rule, SevereToxicityCounting counting) {
        return new StudyProtocol(IHR.design(), IHR.assumptions(), 90, rule, counting, 0, IHR.courseEnd());
    }

    private static List<SubjectCourse> subjects(int count, int severe) {
        List<SubjectCourse> courses = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<ToxicityRecord> records = i <= severe ? List.of(pneumonitis(3, ENROLLED.plusDays(40))) : List.of(pneumonitis(1, ENROLLED.plusDays(40)));
            courses.add(course(i, false, records));
        }
        return courses;
    }

    private static SubjectCourse course(int sequence, boolean withdrawn, List<ToxicityRecord> records) {
        EnrolledSubject subject = new EnrolledSubject(
                "ResearchSubject/" + sequence, "Patient/" + sequence, sequence, ENROLLED, withdrawn);
        return new SubjectCourse(subject, records, Optional.of(LAST_FRACTION));
    }

    private static ToxicityRecord pneumonitis(int grade, LocalDate date) {
        return new ToxicityRecord(PNEUMONITIS, grade, 0, date, "Observation/" + grade + date);
    }
}
