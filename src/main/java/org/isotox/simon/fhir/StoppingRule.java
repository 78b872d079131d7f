package org.isotox.simon.fhir;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.simon.domain.StoppingDecision;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.domain.SubjectCourse;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * The Simon stopping rule applied to a study under its row lock: when the severe-toxicity subjects among
 * the first n1 reach the boundary, an active study is closed to accrual and the coordinator told; a stop
 * is never undone here, a correction that lifts the boundary is reported. A severe toxicity the write
 * dates after its subject's evaluation window is reported to the coordinator too.
 */
@Component
class StoppingRule {

    private final StudyRoster roster;
    private final TrialStudies studies;
    private final StudyStates states;
    private final StudyStopper stopper;

    StoppingRule(StudyRoster roster, TrialStudies studies, StudyStates states, StudyStopper stopper) {
        this.roster = roster;
        this.studies = studies;
        this.states = states;
        this.stopper = stopper;
    }

    /** Re-applies the rule to every study the patient is enrolled in, with {@code write} laid over the stored records. */
    void applyToStudiesOf(String patient, PendingToxicityWrite write) {
        for (String studyReference : roster.studiesOf(patient)) {
            studies.read(studyReference).ifPresent(study -> apply(studies.lockAndRead(study), patient, write));
        }
    }

    /** Re-applies the rule to {@code study} as its stored records stand today. */
    void apply(ResearchStudy study) {
        apply(studies.lockAndRead(study), null, PendingToxicityWrite.none());
    }

    private void apply(ResearchStudy study, String patient, PendingToxicityWrite write) {
        LocalDate today = LocalDate.now();
        Optional<StudyState> state = states.of(study, today, write);
        if (state.isEmpty()) {
            return;
        }
        boolean boundaryReached = state.get().status().decision() == StoppingDecision.STOPPED_FOR_TOXICITY;
        if (boundaryReached && study.getStatus() == ResearchStudyStatus.ACTIVE) {
            stopper.stop(state.get());
        } else if (!boundaryReached && StudyStopper.isStoppedForToxicity(study)) {
            stopper.reportBoundaryNoLongerReached(state.get());
        }
        if (patient != null) {
            reportNewLateSevere(study, patient, state.get(), today);
        }
    }

    private void reportNewLateSevere(ResearchStudy study, String patient, StudyState after, LocalDate today) {
        StudyProgress progress = after.progress();
        for (SubjectCourse course : after.courses()) {
            if (course.subject().patient().equals(patient) && progress.lateSevere(course).isPresent()) {
                StudyState before = states.of(study, today).orElseThrow();
                boolean alreadyLate = before.courses().stream()
                        .filter(c -> c.subject().reference().equals(course.subject().reference()))
                        .anyMatch(c -> progress.lateSevere(c).equals(progress.lateSevere(course)));
                if (!alreadyLate) {
                    stopper.reportLateSevere(after, course.subject(), progress.lateSevere(course).get());
                }
            }
        }
    }
}
