package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;
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
    static final String INTERRUPTION = Canonicals.structureDefinition("treatment-interruption");

    private final DaoRegistry daoRegistry;

    DeliveredCourses(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /**
     * What the courses say of each patient: the first fraction, the last fraction once a course is
     * over (completed, or stopped early) and every recorded treatment interruption.
     */
    public Map<String, PatientCourses> of(Collection<String> patients) {
        Map<String, PatientCourses> courses = new HashMap<>();
        if (patients.isEmpty()) {
            return courses;
        }
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        patients.forEach(p -> subjects.addOr(new ReferenceParam(p)));
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, subjects)
                .add(Procedure.SP_CODE, COURSE);
        daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(p -> p.getStatus() != ProcedureStatus.ENTEREDINERROR)
                .forEach(p -> courses.merge(p.getSubject().getReference(), PatientCourses.of(p), PatientCourses::plus));
        return courses;
    }

    /**
     * @param firstFraction the earliest start of a course
     * @param lastFraction  the latest last fraction of a course that is over
     * @param interruptions the interruptions of all the patient's courses
     */
    public record PatientCourses(
            Optional<LocalDate> firstFraction, Optional<LocalDate> lastFraction, List<RadiotherapyInterruption> interruptions) {

        public static final PatientCourses NONE = new PatientCourses(Optional.empty(), Optional.empty(), List.of());

        static PatientCourses of(Procedure course) {
            boolean over = course.getStatus() == ProcedureStatus.COMPLETED || course.getStatus() == ProcedureStatus.STOPPED;
            Optional<LocalDate> start = course.hasPerformedPeriod()
                    ? FhirDates.dayOf(course.getPerformedPeriod().getStartElement())
                    : Optional.empty();
            Optional<LocalDate> end = over && course.hasPerformedPeriod() && course.getPerformedPeriod().hasEndElement()
                    ? FhirDates.dayOf(course.getPerformedPeriod().getEndElement())
                    : Optional.empty();
            return new PatientCourses(start, end, course.getExtensionsByUrl(INTERRUPTION).stream()
                    .map(PatientCourses::interruption)
                    .flatMap(Optional::stream)
                    .toList());
        }

        PatientCourses plus(PatientCourses other) {
            List<RadiotherapyInterruption> all = new ArrayList<>(interruptions);
            all.addAll(other.interruptions);
            return new PatientCourses(
                    Stream.concat(firstFraction.stream(), other.firstFraction.stream()).min(Comparator.naturalOrder()),
                    Stream.concat(lastFraction.stream(), other.lastFraction.stream()).max(Comparator.naturalOrder()),
                    all);
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
                    ? concept.getCoding().stream().filter(Coding::hasCode).findFirst()
                            .map(c -> new ToxicityRecord.Term(c.getSystem(), c.getCode()))
                    : Optional.empty();
            return Optional.of(new RadiotherapyInterruption(
                    from.get(), to, ((UnsignedIntType) length.getValue()).getValue(), term));
        }
    }
}
