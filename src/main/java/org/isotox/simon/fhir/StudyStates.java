package org.isotox.simon.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.RecordedCourse;
import org.isotox.dose.fhir.DeliveredCourses;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.simon.domain.SubjectCourse;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * Assembles where a trial study stands from the server's data, in a fixed number of queries
 * whatever the number of subjects: the roster, the severe-toxicity candidates of all its
 * patients, and the end dates of their radiotherapy courses.
 */
@Component
public class StudyStates {

    private final StudyProtocolReader protocols;
    private final StudyRoster roster;
    private final ToxicityRecords toxicities;
    private final DeliveredCourses courses;

    StudyStates(StudyProtocolReader protocols, StudyRoster roster, ToxicityRecords toxicities, DeliveredCourses courses) {
        this.protocols = protocols;
        this.roster = roster;
        this.toxicities = toxicities;
        this.courses = courses;
    }

    /** The state of {@code study} as of {@code asOf}; empty when it is not an isotoxic trial. */
    public Optional<StudyState> of(ResearchStudy study, LocalDate asOf) {
        return of(study, asOf, PendingToxicityWrite.none());
    }

    /**
     * The same, with the toxicity records adjusted by {@code pendingWrite}: a write in progress that
     * the database does not show yet (a new, corrected or deleted record).
     */
    public Optional<StudyState> of(ResearchStudy study, LocalDate asOf, PendingToxicityWrite pendingWrite) {
        return of(study, asOf, pendingWrite, List.of());
    }

    /**
     * The same, with {@code pendingEnrolments} counted beside the stored subjects: enrolments made earlier in
     * the same transaction, which the database does not show yet.
     */
    public Optional<StudyState> of(
            ResearchStudy study, LocalDate asOf, PendingToxicityWrite pendingWrite, List<EnrolledSubject> pendingEnrolments) {
        Optional<StudyProtocol> protocol = protocols.read(study);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        StudyProtocol rules = protocol.get();
        List<EnrolledSubject> subjects = new ArrayList<>(roster.enrolled("ResearchStudy/" + study.getIdElement().getIdPart()));
        subjects.addAll(pendingEnrolments);
        Map<String, LocalDate> enrolledOn = subjects.stream()
                .collect(Collectors.toMap(EnrolledSubject::patient, EnrolledSubject::enrolled, (a, b) -> a.isBefore(b) ? a : b));
        List<String> patients = List.copyOf(enrolledOn.keySet());
        Map<String, RecordedCourse> recordedCourses = courses.of(enrolledOn);
        Map<String, List<ToxicityRecord>> recordsByPatient =
                pendingWrite.apply(toxicities.severeCandidates(patients, rules.severeToxicity())).stream()
                        .collect(Collectors.groupingBy(
                                PatientToxicity::patient,
                                Collectors.mapping(t -> RadiotherapyInterruption.attribute(
                                                t.record(),
                                                courseOf(recordedCourses, t.patient()).breaksOn(asOf, rules.courseEnd()),
                                                rules.interruptionAttributionDays()),
                                        Collectors.toList())));
        List<SubjectCourse> subjectCourses = subjects.stream()
                .map(s -> new SubjectCourse(
                        s,
                        recordsByPatient.getOrDefault(s.patient(), List.of()),
                        courseOf(recordedCourses, s.patient()).on(asOf, rules.courseEnd())))
                .toList();
        StudyProgress progress = new StudyProgress(rules);
        return Optional.of(new StudyState(study, rules, subjectCourses, progress.status(subjectCourses, asOf), asOf));
    }

    private static RecordedCourse courseOf(Map<String, RecordedCourse> courses, String patient) {
        return courses.getOrDefault(patient, RecordedCourse.NONE);
    }
}
