package org.isotox.response.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.RecordedCourse;
import org.isotox.dose.fhir.DeliveredCourses;
import org.isotox.fhir.Canonicals;
import org.isotox.response.domain.StudyEntryEvent;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * When a patient entered his study, for RECIST: his enrolment (the earliest, on several studies),
 * by which his baseline is chosen, and his study entry, from which the minimum duration of stable
 * disease counts: the enrolment or the first radiotherapy fraction (the earliest
 * {@code performedPeriod.start} of his course summaries), as the study's {@code recist-best-response}
 * extension says; the enrolment without it.
 */
@Component
class StudyEntries {

    static final String BEST_RESPONSE = Canonicals.structureDefinition("recist-best-response");

    /** @param studyEntry empty while the study counts from the first fraction and none is recorded */
    record Entry(LocalDate enrolment, Optional<LocalDate> studyEntry) {}

    private record Enrolment(LocalDate day, String study) {}

    private final StudyRoster roster;
    private final TrialStudies studies;
    private final DeliveredCourses courses;

    StudyEntries(StudyRoster roster, TrialStudies studies, DeliveredCourses courses) {
        this.roster = roster;
        this.studies = studies;
        this.courses = courses;
    }

    /** The patient's entry; empty when he is not enrolled. */
    Optional<Entry> of(String patient) {
        return roster.enrolledSubjectsOf(patient).stream()
                .flatMap(subject -> StudyRoster.enrolled(subject)
                        .map(enrolled -> new Enrolment(enrolled.enrolled(), subject.getStudy().getReference()))
                        .stream())
                .min(Comparator.comparing(Enrolment::day))
                .map(first -> new Entry(first.day(), studyEntry(patient, first)));
    }

    private Optional<LocalDate> studyEntry(String patient, Enrolment enrolment) {
        StudyEntryEvent event =
                studies.read(enrolment.study()).map(StudyEntries::declaredIn).orElse(StudyEntryEvent.ENROLMENT);
        return switch (event) {
            case ENROLMENT -> Optional.of(enrolment.day());
            case FIRST_FRACTION -> courses.of(Map.of(patient, enrolment.day()))
                    .getOrDefault(patient, RecordedCourse.NONE).firstFraction();
        };
    }

    private static StudyEntryEvent declaredIn(ResearchStudy study) {
        Extension settings = study.getExtensionByUrl(BEST_RESPONSE);
        Extension studyEntry = settings == null ? null : settings.getExtensionByUrl("studyEntry");
        if (studyEntry == null) {
            return StudyEntryEvent.ENROLMENT;
        }
        return switch (studyEntry.getValue().primitiveValue()) {
            case "enrolment" -> StudyEntryEvent.ENROLMENT;
            case "first-fraction" -> StudyEntryEvent.FIRST_FRACTION;
            default -> throw new IllegalStateException("The study definition " + study.getIdElement().getIdPart()
                    + " names an unknown study entry: " + studyEntry.getValue().primitiveValue());
        };
    }
}
