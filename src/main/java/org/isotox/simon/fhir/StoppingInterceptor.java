package org.isotox.simon.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The Simon stopping rule, applied on every write of a toxicity record (create, correction,
 * deletion), in the same transaction, before the record is stored (the pending write is laid over
 * the stored records, so a search never meets the half-written entity): when the severe-toxicity subjects among the first n1 reach
 * the boundary, each active trial of the patient is closed to accrual and the coordinator told
 * ({@link StoppingRule}). Reopening is a coordinator's explicit act.
 */
@Component
@Interceptor(order = StoppingInterceptor.AFTER_VALIDATION)
class StoppingInterceptor {

    /** Runs after the profile and grade checks, so a rejected record never moves the boundary. */
    static final int AFTER_VALIDATION = 1000;

    private final ToxicityRecords toxicities;
    private final StoppingRule rule;

    StoppingInterceptor(ToxicityRecords toxicities, StoppingRule rule) {
        this.toxicities = toxicities;
        this.rule = rule;
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
        if (patient != null) {
            rule.applyToStudiesOf(patient, PendingToxicityWrite.replacing(
                    "Observation/" + observation.getIdElement().getIdPart(), now));
        }
    }
}
