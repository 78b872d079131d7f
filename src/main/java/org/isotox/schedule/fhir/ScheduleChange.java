package org.isotox.schedule.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.isotox.schedule.domain.EvidenceRecord;

/**
 * The write that makes a subject's schedule be kept: what it changes is taken from the write itself,
 * since a search inside its transaction need not show it yet.
 */
sealed interface ScheduleChange {

    /** The subject was enrolled or changed (status, end of participation). */
    record SubjectWritten() implements ScheduleChange {}

    /** The patient's radiotherapy course summary was written, or deleted. */
    record CourseWritten(Procedure summary, boolean deleted) implements ScheduleChange {}

    /** The patient's record changed whether, or when, the patient died. */
    record PatientWritten(Patient patient) implements ScheduleChange {}

    /** Records that may fulfil an activity were written (one, or those of a FHIR transaction). */
    record EvidenceWritten(List<EvidenceRecord> records) implements ScheduleChange {}
}
