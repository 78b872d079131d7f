package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a new version of a course summary can leave the schedule alone. */
class RadiotherapyAnchorsTest {

    @ParameterizedTest(name = "{0} {1}..{2} -> {3} {4}..{5}: same anchors {6}")
    @CsvSource({
        // a running course grew by a fraction: its end does not count yet
        "in-progress, 2026-01-12, 2026-01-20, in-progress,      2026-01-12, 2026-01-21, true",
        // the course ended
        "in-progress, 2026-01-12, 2026-02-19, completed,        2026-01-12, 2026-02-20, false",
        // the end of a finished course corrected, or written again unchanged
        "completed,   2026-01-12, 2026-02-20, completed,        2026-01-12, 2026-02-23, false",
        "completed,   2026-01-12, 2026-02-20, completed,        2026-01-12, 2026-02-20, true",
        "stopped,     2026-01-12, 2026-02-02, stopped,          2026-01-12, 2026-02-03, false",
        // the start corrected
        "in-progress, 2026-01-12, 2026-01-20, in-progress,      2026-01-13, 2026-01-20, false",
        // entered in error: the course no longer counts
        "in-progress, 2026-01-12, 2026-01-20, entered-in-error, 2026-01-12, 2026-01-20, false",
    })
    void anchorsOfTwoVersions(String before, String beforeStart, String beforeEnd, String after, String afterStart, String afterEnd,
            boolean same) {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(before, beforeStart, beforeEnd), course(after, afterStart, afterEnd)))
                .isEqualTo(same);
    }

    @Test
    void aCourseMovedToAnotherPatientMovesTheSchedule() {
        Procedure moved = course("in-progress", "2026-01-12", "2026-01-20").setSubject(new Reference("Patient/other"));
        assertThat(RadiotherapyAnchors.sameAnchoring(course("in-progress", "2026-01-12", "2026-01-20"), moved)).isFalse();
    }

    /** Issue 24: a course dated before enrolment becomes the trial's when it names the trial prescription. */
    @Test
    void aCourseThatNamesItsPrescriptionMovesTheSchedule() {
        Procedure based = course("completed", "2026-01-08", "2026-02-09");
        based.addBasedOn(new Reference("ServiceRequest/rx"));
        assertThat(RadiotherapyAnchors.sameAnchoring(course("completed", "2026-01-08", "2026-02-09"), based)).isFalse();
    }

    @Test
    void aCourseThatGainsAPeriodMovesTheSchedule() {
        Procedure undated = course("in-progress", "2026-01-12", "2026-01-20").setPerformed(new DateTimeType("2026-01-12"));
        assertThat(RadiotherapyAnchors.sameAnchoring(undated, course("in-progress", "2026-01-12", "2026-01-20"))).isFalse();
    }

    private static Procedure course(String status, String start, String end) {
        Procedure course = new Procedure().setStatus(ProcedureStatus.fromCode(status)).setSubject(new Reference("Patient/p1"));
        course.getCode().addCoding(new Coding(RadiotherapyAnchors.SNOMED, RadiotherapyAnchors.COURSE_SUMMARY, null));
        course.setPerformed(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
        return course;
    }
}
