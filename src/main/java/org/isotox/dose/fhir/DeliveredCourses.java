package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
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
    /** TG-263: target volume names begin with their type, PTV for a planning target volume. */
    static final String TG263_TARGET = "PTV";
    static final TokenParam PLANNING_TARGET_VOLUME = new TokenParam("http://snomed.info/sct", "228793007");

    private final DaoRegistry daoRegistry;
    private final SessionHistoryBreaks sessionBreaks;
    private final TrialPrescriptionBasis trialPrescription;

    DeliveredCourses(DaoRegistry daoRegistry, SessionHistoryBreaks sessionBreaks, TrialPrescriptionBasis trialPrescription) {
        this.daoRegistry = daoRegistry;
        this.sessionBreaks = sessionBreaks;
        this.trialPrescription = trialPrescription;
    }

    public static boolean isCourseSummary(Procedure procedure) {
        return procedure.getCode().getCoding().stream()
                .anyMatch(c -> COURSE.getSystem().equals(c.getSystem()) && COURSE.getValue().equals(c.getCode()));
    }

    /**
     * What the course records say of each patient's radiotherapy on the trial: the courses that started on or
     * after the patient's enrolment ({@code enrolledOn}) or are based on the trial prescription
     * ({@link TrialPrescriptionBasis}), merged; an earlier, unrelated course does not count.
     * A patient without such a course is absent.
     */
    public Map<String, RecordedCourse> of(Map<String, LocalDate> enrolledOn) {
        Map<String, RecordedCourse> courses = new HashMap<>();
        trialCourses(enrolledOn)
                .map(p -> Map.entry(p.getSubject().getReference(), CourseRecords.of(p).withBreaks(sessionBreaks.of(p))))
                .forEach(course -> courses.merge(course.getKey(), course.getValue(), RecordedCourse::plus));
        return courses;
    }

    /**
     * The dose each patient's trial courses (as {@link #of}) delivered to the planning target volume, in Gy: per
     * course summary the highest dose it gives a target (a TG-263 {@code PTV…} volume, or a BodyStructure whose
     * {@code morphology} is SNOMED CT 228793007 planning target volume, as CodeX volumes say), summed over courses.
     * A patient whose summaries state no target dose is absent.
     */
    public Map<String, Double> targetDosesGy(Map<String, LocalDate> enrolledOn) {
        Map<String, Double> doses = new HashMap<>();
        trialCourses(enrolledOn).forEach(course -> DeliveredDose.of(course).stream()
                .filter(this::isTarget)
                .mapToDouble(DeliveredDose::totalDoseGy)
                .max()
                .ifPresent(gray -> doses.merge(course.getSubject().getReference(), gray, Double::sum)));
        return doses;
    }

    private boolean isTarget(DeliveredDose dose) {
        return dose.tg263Volume().map(volume -> volume.startsWith(TG263_TARGET)).orElse(false)
                || dose.bodyStructure().flatMap(this::structure).map(structure -> structure.getMorphology().getCoding().stream()
                        .anyMatch(c -> PLANNING_TARGET_VOLUME.getSystem().equals(c.getSystem())
                                && PLANNING_TARGET_VOLUME.getValue().equals(c.getCode())))
                        .orElse(false);
    }

    private Optional<BodyStructure> structure(String reference) {
        try {
            return Optional.of(daoRegistry.getResourceDao(BodyStructure.class)
                    .read(new IdType(reference).toUnqualifiedVersionless(), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException gone) {
            return Optional.empty();
        }
    }

    /**
     * The course summaries of the patients' trial courses: started on or after the patient's enrolment
     * ({@code enrolledOn}) or based on the trial prescription ({@link TrialPrescriptionBasis}); not entered in error.
     */
    private Stream<Procedure> trialCourses(Map<String, LocalDate> enrolledOn) {
        if (enrolledOn.isEmpty()) {
            return Stream.empty();
        }
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        enrolledOn.keySet().forEach(p -> subjects.addOr(new ReferenceParam(p)));
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, subjects)
                .add(Procedure.SP_CODE, COURSE);
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(p -> p.getStatus() != ProcedureStatus.ENTEREDINERROR)
                .filter(p -> enrolledOn.containsKey(p.getSubject().getReference()))
                .filter(p -> CourseRecords.of(p).startsOnOrAfter(enrolledOn.get(p.getSubject().getReference()))
                        || trialPrescription.of(p));
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

        /**
         * The cause a concept names: its CTCAE term (NCIt) when it has one, else its first coding. mCODE asks a stop's
         * {@code statusReason} for one of its SNOMED CT termination reasons (407563006 treatment not tolerated), which
         * a stop for toxicity gives beside the term.
         */
        static Optional<ToxicityRecord.Term> term(CodeableConcept concept) {
            return concept.getCoding().stream().filter(c -> c.hasCode() && c.hasSystem())
                    .min(Comparator.comparing(c -> !Canonicals.NCIT.equals(c.getSystem())))
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
