package org.isotox.simon.fhir;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
            studies.read(studyReference).ifPresent(study ->
                    apply(studies.lockAndRead(study), Set.of(patient), write, PendingToxicityWrite.none()));
        }
    }

    /**
     * Re-applies the rule, once, to every study one of {@code patients} is enrolled in, as the stored records
     * stand; {@code undo} gives them as they stood before those patients' gradings were written (which severe
     * toxicities are new).
     */
    void applyToStudiesOf(Set<String> patients, PendingToxicityWrite undo) {
        Map<String, Set<String>> patientsByStudy = new LinkedHashMap<>();
        for (String patient : patients) {
            roster.studiesOf(patient).forEach(study -> patientsByStudy.computeIfAbsent(study, s -> new LinkedHashSet<>()).add(patient));
        }
        patientsByStudy.forEach((studyReference, written) -> studies.read(studyReference).ifPresent(study ->
                apply(studies.lockAndRead(study), written, PendingToxicityWrite.none(), undo)));
    }

    /** Re-applies the rule to {@code study} as its stored records stand today. */
    void apply(ResearchStudy study) {
        apply(studies.lockAndRead(study), Set.of(), PendingToxicityWrite.none(), PendingToxicityWrite.none());
    }

    /**
     * The rule on the records as {@code after} gives them; a severe toxicity of one of {@code patients} that is
     * late there and was not in the records as {@code before} gives them is reported.
     */
    private void apply(ResearchStudy study, Set<String> patients, PendingToxicityWrite after, PendingToxicityWrite before) {
        LocalDate today = LocalDate.now();
        Optional<StudyState> state = states.of(study, today, after);
        if (state.isEmpty()) {
            return;
        }
        boolean boundaryReached = state.get().status().decision() == StoppingDecision.STOPPED_FOR_TOXICITY;
        if (boundaryReached && study.getStatus() == ResearchStudyStatus.ACTIVE) {
            stopper.stop(state.get());
        } else if (!boundaryReached && StudyStopper.isStoppedForToxicity(study)) {
            stopper.reportBoundaryNoLongerReached(state.get());
        }
        if (!patients.isEmpty()) {
            reportNewLateSevere(patients, state.get(), () -> states.of(study, today, before).orElseThrow());
        }
    }

    private void reportNewLateSevere(Set<String> patients, StudyState after, Supplier<StudyState> beforeState) {
        StudyProgress progress = after.progress();
        StudyState before = null;
        for (SubjectCourse course : after.courses()) {
            if (patients.contains(course.subject().patient()) && progress.lateSevere(course).isPresent()) {
                before = before == null ? beforeState.get() : before;
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
