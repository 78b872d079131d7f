package org.isotox.simon.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.simon.domain.StoppingDecision;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The Simon stopping rule, applied on every write of a toxicity record (create, correction,
 * deletion), in the same transaction, before the record is stored (the pending write is laid over
 * the stored records, so a search never meets the half-written entity): when the severe-toxicity subjects among the first n1 reach
 * the boundary, each active trial of the patient is closed to accrual and the coordinator told.
 * A stop is never undone here; a correction that lifts the boundary is reported, and reopening
 * is a coordinator's explicit act.
 */
@Component
@Interceptor(order = StoppingInterceptor.AFTER_VALIDATION)
class StoppingInterceptor {

    /** Runs after the profile and grade checks, so a rejected record never moves the boundary. */
    static final int AFTER_VALIDATION = 1000;

    private final ToxicityRecords toxicities;
    private final StudyRoster roster;
    private final TrialStudies studies;
    private final StudyStates states;
    private final StudyStopper stopper;

    StoppingInterceptor(
            ToxicityRecords toxicities,
            StudyRoster roster,
            TrialStudies studies,
            StudyStates states,
            StudyStopper stopper) {
        this.toxicities = toxicities;
        this.roster = roster;
        this.studies = studies;
        this.states = states;
        this.stopper = stopper;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource) {
        if (resource instanceof Observation observation) {
            toxicities.recordOf(observation).ifPresent(record -> changed(observation, Optional.of(record)));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        if (current instanceof Observation observation
                && (toxicities.recordOf((Observation) previous).isPresent()
                        || toxicities.recordOf(observation).isPresent())) {
            changed(observation, toxicities.recordOf(observation));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    void deleted(IBaseResource resource) {
        if (resource instanceof Observation observation && toxicities.recordOf(observation).isPresent()) {
            changed(observation, Optional.empty());
        }
    }

    private void changed(Observation observation, Optional<PatientToxicity> now) {
        String patient = observation.getSubject().getReference();
        if (patient == null) {
            return;
        }
        PendingToxicityWrite write = PendingToxicityWrite.replacing(
                "Observation/" + observation.getIdElement().getIdPart(), now);
        for (String studyReference : roster.studiesOf(patient)) {
            studies.read(studyReference).ifPresent(study -> apply(studies.lockAndRead(study), write));
        }
    }

    private void apply(ResearchStudy study, PendingToxicityWrite write) {
        Optional<StudyState> state = states.of(study, LocalDate.now(), write);
        if (state.isEmpty()) {
            return;
        }
        boolean boundaryReached = state.get().status().decision() == StoppingDecision.STOPPED_FOR_TOXICITY;
        if (boundaryReached && study.getStatus() == ResearchStudyStatus.ACTIVE) {
            stopper.stop(state.get());
        } else if (!boundaryReached && StudyStopper.isStoppedForToxicity(study)) {
            stopper.reportBoundaryNoLongerReached(state.get());
        }
    }
}
