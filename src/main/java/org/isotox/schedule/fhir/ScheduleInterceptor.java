package org.isotox.schedule.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.schedule.domain.EvidenceRecord;
import org.isotox.study.fhir.StudyRoster;
import org.springframework.stereotype.Component;

/**
 * Keeps subjects' schedules current, in the transaction of the write that moves them: an
 * enrolment or a change of the subject, a radiotherapy course summary (also one derived from
 * delivered fractions), a patient's death, and every record that can fulfil an activity. Other
 * writes cost a type check; a record of a patient on no study costs one search. A course summary
 * updated with the same status and dates (a fraction more delivered) moves nothing. The records a
 * FHIR transaction brings (a visit: encounter, questionnaires, toxicity grades, measurements) are
 * matched to the schedule together, once per patient, after all of its entries are written.
 */
@Component
@Interceptor
class ScheduleInterceptor {

    private static final String PENDING_EVIDENCE = ScheduleInterceptor.class.getName() + ".evidence";

    private final ScheduleKeeper keeper;
    private final StudyRoster roster;
    private final EvidenceRecords evidence;

    ScheduleInterceptor(ScheduleKeeper keeper, StudyRoster roster, EvidenceRecords evidence) {
        this.keeper = keeper;
        this.roster = roster;
        this.evidence = evidence;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        written(null, resource, transaction, timing);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        written(previous, current, transaction, timing);
    }

    /** The records of a FHIR transaction that may fulfil activities, matched together once all of its entries are written. */
    @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
    void transactionWritten(TransactionDetails transaction) {
        Map<String, List<EvidenceRecord>> byPatient = transaction.getUserData(PENDING_EVIDENCE);
        if (byPatient != null) {
            transaction.putUserData(PENDING_EVIDENCE, null);
            byPatient.forEach((patient, records) -> forSubjectsOf(patient, new ScheduleChange.EvidenceWritten(records), transaction));
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    void deleted(IBaseResource resource, TransactionDetails transaction) {
        if (resource instanceof Procedure course && RadiotherapyAnchors.isCourseSummary(course)) {
            forSubjectsOf(course.getSubject().getReference(), new ScheduleChange.CourseWritten(course, true), transaction);
        }
    }

    private void written(IBaseResource previous, IBaseResource resource, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        if (resource instanceof ResearchSubject subject) {
            keeper.keep(subject, new ScheduleChange.SubjectWritten(), transaction);
        } else if (resource instanceof Procedure course && RadiotherapyAnchors.isCourseSummary(course)) {
            if (!(previous instanceof Procedure before && RadiotherapyAnchors.sameAnchoring(before, course))) {
                forSubjectsOf(course.getSubject().getReference(), new ScheduleChange.CourseWritten(course, false), transaction);
            }
        } else if (resource instanceof Patient patient && (patient.hasDeceased() || previous instanceof Patient before && before.hasDeceased())) {
            forSubjectsOf("Patient/" + patient.getIdElement().getIdPart(), new ScheduleChange.PatientWritten(patient), transaction);
        } else {
            evidence.of(resource).ifPresent(record -> {
                if (timing == InterceptorInvocationTimingEnum.DEFERRED) {
                    transaction.<Map<String, List<EvidenceRecord>>>getOrCreateUserData(PENDING_EVIDENCE, LinkedHashMap::new)
                            .computeIfAbsent(record.patient(), patient -> new ArrayList<>())
                            .add(record.record());
                } else {
                    forSubjectsOf(record.patient(), new ScheduleChange.EvidenceWritten(List.of(record.record())), transaction);
                }
            });
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
