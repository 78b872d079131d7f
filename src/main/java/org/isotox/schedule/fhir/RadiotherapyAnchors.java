package org.isotox.schedule.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.isotox.dose.fhir.TrialPrescriptionBasis;
import org.isotox.fhir.FhirDates;
import org.isotox.schedule.domain.AnchorDates;
import org.springframework.stereotype.Component;

/**
 * The radiotherapy days a schedule counts from, read from the patient's course summaries
 * (SNOMED CT 1217123003, written by the EHR or derived from delivered fractions) of courses that
 * started on or after enrolment or are based on the trial prescription (an earlier course is not the trial's): radiotherapy
 * started on the earliest {@code performedPeriod.start}; it ended on the latest
 * {@code performedPeriod.end} once every course is completed or stopped (while one is still in
 * progress, the end is not known yet). Summaries entered in error do not count.
 */
@Component
class RadiotherapyAnchors {

    static final String SNOMED = "http://snomed.info/sct";
    static final String COURSE_SUMMARY = "1217123003";

    private final DaoRegistry daoRegistry;
    private final TrialPrescriptionBasis trialPrescription;

    RadiotherapyAnchors(DaoRegistry daoRegistry, TrialPrescriptionBasis trialPrescription) {
        this.daoRegistry = daoRegistry;
        this.trialPrescription = trialPrescription;
    }

    static boolean isCourseSummary(Procedure procedure) {
        return procedure.getCode().getCoding().stream()
                .anyMatch(c -> SNOMED.equals(c.getSystem()) && COURSE_SUMMARY.equals(c.getCode()));
    }

    /**
     * Whether two versions of a course summary count alike for the anchors: same patient, status, basis
     * ({@code basedOn}: a course dated before enrolment counts when it names the trial prescription) and start day, and the same end day once the course is over (while it runs, its end does not count).
     */
    static boolean sameAnchoring(Procedure before, Procedure after) {
        return isCourseSummary(before)
                && before.getSubject().getReference() != null
                && before.getSubject().getReference().equals(after.getSubject().getReference())
                && before.getStatus() == after.getStatus()
                && Base.compareDeep(before.getBasedOn(), after.getBasedOn(), true)
                && day(before, Period::getStartElement).equals(day(after, Period::getStartElement))
                && (!isOver(after) || day(before, Period::getEndElement).equals(day(after, Period::getEndElement)));
    }

    private static boolean isOver(Procedure course) {
        return course.getStatus() == ProcedureStatus.COMPLETED || course.getStatus() == ProcedureStatus.STOPPED;
    }

    private static Optional<LocalDate> day(Procedure course, Function<Period, DateTimeType> end) {
        return course.hasPerformedPeriod() ? FhirDates.preciseDay(end.apply(course.getPerformedPeriod())) : Optional.empty();
    }

    /** The subject's anchor days; {@code change}, when it is a course summary write, counts instead of what is stored. */
    AnchorDates of(LocalDate enrolment, String patient, ScheduleChange change) {
        List<Procedure> courses = new ArrayList<>(stored(patient));
        if (change instanceof ScheduleChange.CourseWritten written) {
            String id = written.summary().getIdElement().getIdPart();
            courses.removeIf(c -> c.getIdElement().getIdPart().equals(id));
            if (!written.deleted()) {
                courses.add(written.summary());
            }
        }
        courses.removeIf(c -> c.getStatus() == ProcedureStatus.ENTEREDINERROR || !c.hasPerformedPeriod()
                || (FhirDates.preciseDay(c.getPerformedPeriod().getStartElement()).map(enrolment::isAfter).orElse(false)
                        && !trialPrescription.of(c)));
        Optional<LocalDate> start = courses.stream()
                .map(c -> FhirDates.preciseDay(c.getPerformedPeriod().getStartElement()))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        boolean over = !courses.isEmpty() && courses.stream().allMatch(RadiotherapyAnchors::isOver);
        Optional<LocalDate> end = over
                ? courses.stream()
                        .map(c -> FhirDates.preciseDay(c.getPerformedPeriod().getEndElement()))
                        .flatMap(Optional::stream)
                        .max(Comparator.naturalOrder())
                : Optional.empty();
        return new AnchorDates(enrolment, start, end);
    }

    private List<Procedure> stored(String patient) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, new ReferenceParam(patient))
                .add(Procedure.SP_CODE, new TokenParam(SNOMED, COURSE_SUMMARY));
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(Procedure.class::cast)
                .toList();
    }
}
