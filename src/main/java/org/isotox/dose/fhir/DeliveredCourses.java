package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.dose.domain.RecordedCourse;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.springframework.stereotype.Component;

/** Patients' radiotherapy courses as their course-summary Procedures record them. */
@Component
public class DeliveredCourses {

    /** SNOMED CT "Radiotherapy course of treatment", the code of mCODE's RadiotherapyCourseSummary. */
    static final TokenParam COURSE = new TokenParam("http://snomed.info/sct", "1217123003");
    public static final String INTERRUPTION = Canonicals.structureDefinition("treatment-interruption");

    private final DaoRegistry daoRegistry;
    private final SessionHistoryBreaks sessionBreaks;

    DeliveredCourses(DaoRegistry daoRegistry, SessionHistoryBreaks sessionBreaks) {
        this.daoRegistry = daoRegistry;
        this.sessionBreaks = sessionBreaks;
    }

    public static boolean isCourseSummary(Procedure procedure) {
        return procedure.getCode().getCoding().stream()
                .anyMatch(c -> COURSE.getSystem().equals(c.getSystem()) && COURSE.getValue().equals(c.getCode()));
    }

    /**
     * What the course records say of each patient's radiotherapy on the trial: the courses that started on or
     * after the patient's enrolment ({@code enrolledOn}), merged; an earlier, unrelated course does not count.
     * A patient without such a course is absent.
     */
    public Map<String, RecordedCourse> of(Map<String, LocalDate> enrolledOn) {
        Map<String, RecordedCourse> courses = new HashMap<>();
        if (enrolledOn.isEmpty()) {
            return courses;
        }
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        enrolledOn.keySet().forEach(p -> subjects.addOr(new ReferenceParam(p)));
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, subjects)
                .add(Procedure.SP_CODE, COURSE);
        daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(p -> p.getStatus() != ProcedureStatus.ENTEREDINERROR)
                .filter(p -> enrolledOn.containsKey(p.getSubject().getReference()))
                .map(p -> Map.entry(p.getSubject().getReference(), CourseRecords.of(p).withBreaks(sessionBreaks.of(p))))
                .filter(course -> course.getValue().startsOnOrAfter(enrolledOn.get(course.getKey())))
                .forEach(course -> courses.merge(course.getKey(), course.getValue(), RecordedCourse::plus));
        return courses;
    }

    /** A course summary as the domain reads it. */
    static final class CourseRecords {

        private CourseRecords() {}

        static RecordedCourse of(Procedure course) {
            ProcedureStatus recorded = course.hasStatus() ? course.getStatus() : ProcedureStatus.INPROGRESS;
            RecordedCourse.Status status = switch (recorded) {
                case COMPLETED -> RecordedCourse.Status.COMPLETED;
                case STOPPED, NOTDONE -> RecordedCourse.Status.STOPPED;
                default -> RecordedCourse.Status.RUNNING;
            };
            Period performed = course.hasPerformedPeriod() ? course.getPerformedPeriod() : new Period();
            return new RecordedCourse(
                    status,
                    FhirDates.dayOf(performed.getStartElement()),
                    FhirDates.dayOf(performed.getEndElement()),
                    term(course.getStatusReason()),
                    course.getExtensionsByUrl(INTERRUPTION).stream()
                            .map(CourseRecords::interruption)
                            .flatMap(Optional::stream)
                            .toList());
        }

        static Optional<ToxicityRecord.Term> term(CodeableConcept concept) {
            return concept.getCoding().stream().filter(c -> c.hasCode() && c.hasSystem()).findFirst()
                    .map(c -> new ToxicityRecord.Term(c.getSystem(), c.getCode()));
        }

        private static Optional<RadiotherapyInterruption> interruption(Extension extension) {
            Extension period = extension.getExtensionByUrl("period");
            Extension length = extension.getExtensionByUrl("lengthInDays");
            if (period == null || length == null || !(period.getValue() instanceof Period span)) {
                return Optional.empty();
            }
            Optional<LocalDate> from = FhirDates.dayOf(span.getStartElement());
            if (from.isEmpty()) {
                return Optional.empty();
            }
            LocalDate to = FhirDates.dayOf(span.getEndElement()).orElse(LocalDate.MAX);
            Extension reason = extension.getExtensionByUrl("reason");
            Optional<ToxicityRecord.Term> term = reason != null && reason.getValue() instanceof CodeableConcept concept
                    ? term(concept)
                    : Optional.empty();
            return Optional.of(new RadiotherapyInterruption(
                    from.get(), to, ((UnsignedIntType) length.getValue()).getValue(), term));
        }
    }
}
