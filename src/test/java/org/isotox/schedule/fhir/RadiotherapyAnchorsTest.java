package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** When a new version of a course summary can leave the schedule alone. */
class RadiotherapyAnchorsTest {

    @Test
    void aRunningCourseThatGrewByAFractionAnchorsAlike() {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20"),
                        course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-21")))
                .isTrue();
    }

    @Test
    void theCourseEndingMovesTheSchedule() {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-02-19"),
                        course(ProcedureStatus.COMPLETED, "2026-01-12", "2026-02-20")))
                .isFalse();
    }

    @Test
    void aCorrectedEndOfAFinishedCourseMovesTheSchedule() {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.COMPLETED, "2026-01-12", "2026-02-20"),
                        course(ProcedureStatus.COMPLETED, "2026-01-12", "2026-02-23")))
                .isFalse();
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.COMPLETED, "2026-01-12", "2026-02-20"),
                        course(ProcedureStatus.COMPLETED, "2026-01-12", "2026-02-20")))
                .isTrue();
    }

    @Test
    void aCorrectedStartMovesTheSchedule() {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20"),
                        course(ProcedureStatus.INPROGRESS, "2026-01-13", "2026-01-20")))
                .isFalse();
    }

    @Test
    void aCourseEnteredInErrorMovesTheSchedule() {
        assertThat(RadiotherapyAnchors.sameAnchoring(
                        course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20"),
                        course(ProcedureStatus.ENTEREDINERROR, "2026-01-12", "2026-01-20")))
                .isFalse();
    }

    @Test
    void aCourseMovedToAnotherPatientMovesTheSchedule() {
        Procedure moved = course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20").setSubject(new Reference("Patient/other"));
        assertThat(RadiotherapyAnchors.sameAnchoring(course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20"), moved)).isFalse();
    }

    @Test
    void aCourseWithoutAPeriodAnchorsNothing() {
        Procedure undated = course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20").setPerformed(new DateTimeType("2026-01-12"));
        assertThat(RadiotherapyAnchors.sameAnchoring(undated, course(ProcedureStatus.INPROGRESS, "2026-01-12", "2026-01-20"))).isFalse();
    }

    private static Procedure course(ProcedureStatus status, String start, String end) {
        Procedure course = new Procedure().setStatus(status).setSubject(new Reference("Patient/p1"));
        course.getCode().addCoding(new Coding(RadiotherapyAnchors.SNOMED, RadiotherapyAnchors.COURSE_SUMMARY, null));
        course.setPerformed(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
        return course;
    }
}
