package org.isotox.response.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.response.domain.NonTargetStatus;
import org.isotox.response.domain.TargetLesion;
import org.junit.jupiter.api.Test;

/** Which assessment is the baseline, and how measurements become RECIST assessments. */
class MeasuredCourseTest {

    private static final LocalDate SCREENING = LocalDate.of(2025, 11, 20);
    private static final LocalDate PLANNING = LocalDate.of(2026, 1, 2);
    private static final LocalDate ENROLMENT = LocalDate.of(2026, 1, 5);
    private static final LocalDate FOLLOW_UP = LocalDate.of(2026, 3, 2);

    @Test
    void theBaselineIsTheLastAssessmentByEnrolmentAndOlderScansAreLeftOut() {
        MeasuredCourse course = MeasuredCourse.of(List.of(
                target(SCREENING, "T1", "30"), target(PLANNING, "T1", "34"), target(FOLLOW_UP, "T1", "20")),
                Optional.of(ENROLMENT)).orElseThrow();

        assertThat(course.baseline().date()).isEqualTo(PLANNING);
        assertThat(course.baseline().targets()).extracting(TargetLesion::diameterMm).containsExactly(new BigDecimal("34"));
        assertThat(course.assessments()).extracting(a -> a.date()).containsExactly(FOLLOW_UP);
    }

    @Test
    void withoutAnEnrolmentOrAScanByThenTheFirstAssessmentIsTheBaseline() {
        List<LesionMeasurement> measurements = List.of(target(PLANNING, "T1", "34"), target(FOLLOW_UP, "T1", "20"));

        assertThat(MeasuredCourse.of(measurements, Optional.empty()).orElseThrow().baseline().date()).isEqualTo(PLANNING);
        assertThat(MeasuredCourse.of(measurements, Optional.of(SCREENING)).orElseThrow().baseline().date())
                .isEqualTo(PLANNING);
    }

    @Test
    void aNewLesionIsAFindingOfItsAssessmentNotALesionToFollow() {
        MeasuredCourse course = MeasuredCourse.of(List.of(
                target(PLANNING, "T1", "34"), target(FOLLOW_UP, "T1", "20"),
                newLesion(FOLLOW_UP, "NEW1", NonTargetStatus.PRESENT)), Optional.empty()).orElseThrow();

        assertThat(course.assessments().get(0).newLesion()).isTrue();
        assertThat(course.assessments().get(0).targetDiametersMm()).containsOnlyKeys("T1");
        assertThat(course.sources().get(FOLLOW_UP)).hasSize(2);
    }

    @Test
    void aNewLesionReportedAbsentIsNoNewLesion() {
        MeasuredCourse course = MeasuredCourse.of(List.of(
                target(PLANNING, "T1", "34"), newLesion(FOLLOW_UP, "NEW1", NonTargetStatus.ABSENT)),
                Optional.empty()).orElseThrow();

        assertThat(course.assessments().get(0).newLesion()).isFalse();
    }

    @Test
    void aLesionMeasuredTwiceOnADateIsAProblem() {
        MeasuredCourse course = MeasuredCourse.of(List.of(
                target(PLANNING, "T1", "34"), target(FOLLOW_UP, "T1", "20"), target(FOLLOW_UP, "T1", "21")),
                Optional.empty()).orElseThrow();

        assertThat(course.problems()).singleElement().asString().contains("T1", "2026-03-02");
    }

    @Test
    void noMeasurementsNoCourse() {
        assertThat(MeasuredCourse.of(List.of(), Optional.of(ENROLMENT))).isEmpty();
    }

    private static LesionMeasurement target(LocalDate date, String id, String diameter) {
        return new LesionMeasurement("Observation/" + id + "-" + date + "-" + diameter, date, id, true, false, false, false,
                Optional.of(new BigDecimal(diameter)), Optional.empty());
    }

    private static LesionMeasurement newLesion(LocalDate date, String id, NonTargetStatus status) {
        return new LesionMeasurement("Observation/" + id, date, id, false, false, false, true, Optional.empty(),
                Optional.of(status));
    }
}
