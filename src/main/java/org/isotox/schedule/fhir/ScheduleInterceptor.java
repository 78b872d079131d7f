package org.isotox.schedule.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.study.fhir.StudyRoster;
import org.springframework.stereotype.Component;

/**
 * Keeps subjects' schedules current, in the transaction of the write that moves them: an
 * enrolment or a change of the subject, a radiotherapy course summary (also one derived from
 * delivered fractions), a patient's death, and every record that can fulfil an activity. Other
 * writes cost a type check; a record of a patient on no study costs one search. A course summary
 * updated with the same status and dates (a fraction more delivered) moves nothing.
 */
@Component
@Interceptor
class ScheduleInterceptor {

    private final ScheduleKeeper keeper;
    private final StudyRoster roster;
    private final EvidenceRecords evidence;

    ScheduleInterceptor(ScheduleKeeper keeper, StudyRoster roster, EvidenceRecords evidence) {
        this.keeper = keeper;
        this.roster = roster;
        this.evidence = evidence;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction) {
        written(null, resource, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction) {
        written(previous, current, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    void deleted(IBaseResource resource, TransactionDetails transaction) {
        if (resource instanceof Procedure course && RadiotherapyAnchors.isCourseSummary(course)) {
            forSubjectsOf(course.getSubject().getReference(), new ScheduleChange.CourseWritten(course, true), transaction);
        }
    }

    private void written(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
        if (resource instanceof ResearchSubject subject) {
            keeper.keep(subject, new ScheduleChange.SubjectWritten(), transaction);
        } else if (resource instanceof Procedure course && RadiotherapyAnchors.isCourseSummary(course)) {
            if (!(previous instanceof Procedure before && RadiotherapyAnchors.sameAnchoring(before, course))) {
                forSubjectsOf(course.getSubject().getReference(), new ScheduleChange.CourseWritten(course, false), transaction);
            }
        } else if (resource instanceof Patient patient && (patient.hasDeceased() || previous instanceof Patient before && before.hasDeceased())) {
            forSubjectsOf("Patient/" + patient.getIdElement().getIdPart(), new ScheduleChange.PatientWritten(patient), transaction);
        } else {
            evidence.of(resource).ifPresent(record ->
                    forSubjectsOf(record.patient(), new ScheduleChange.EvidenceWritten(record.record()), transaction));
        }
    }

    private void forSubjectsOf(String patient, ScheduleChange change, TransactionDetails transaction) {
        if (patient == null) {
            return;
        }
        for (ResearchSubject subject : roster.enrolledSubjectsOf(patient)) {
            keeper.keep(subject, change, transaction);
        }
    }
}
