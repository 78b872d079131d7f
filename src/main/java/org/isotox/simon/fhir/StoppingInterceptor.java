package org.isotox.simon.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The Simon stopping rule, applied on every write of a toxicity record (a CTCAE grading as an
 * Observation or an AdverseEvent: create, correction, deletion), in the same transaction, before the record is stored (the pending write is laid over
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
        toxicities.recordOf(resource).ifPresent(record -> changed(resource, Optional.of(record)));
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        if (toxicities.recordOf(previous).isPresent() || toxicities.recordOf(current).isPresent()) {
            changed(current, toxicities.recordOf(current));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    void deleted(IBaseResource resource) {
        if (toxicities.recordOf(resource).isPresent()) {
            changed(resource, Optional.empty());
        }
    }

    private void changed(IBaseResource grading, Optional<PatientToxicity> now) {
        String patient = patientOf(grading);
        if (patient != null) {
            rule.applyToStudiesOf(patient, PendingToxicityWrite.replacing(
                    grading.fhirType() + "/" + grading.getIdElement().getIdPart(), now));
        }
    }

    private static String patientOf(IBaseResource grading) {
        if (grading instanceof Observation observation) {
            return observation.getSubject().getReference();
        }
        return grading instanceof AdverseEvent event ? event.getSubject().getReference() : null;
    }
}
