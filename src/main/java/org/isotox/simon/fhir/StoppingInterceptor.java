package org.isotox.simon.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.fhir.TransactionBundle;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The Simon stopping rule, applied on every write of a toxicity record (a CTCAE grading as an
 * Observation or an AdverseEvent: create, correction, deletion), in the same transaction, before the record is stored (the pending write is laid over
 * the stored records, so a search never meets the half-written entity): when the severe-toxicity subjects among the first n1 reach
 * the boundary, each active trial of the patient is closed to accrual and the coordinator told
 * ({@link StoppingRule}). Reopening is a coordinator's explicit act. The gradings of a FHIR transaction
 * count together: the rule is applied once, after all of its entries are written (each entry alone
 * would not see the others, and two severe gradings sent together could pass the boundary unnoticed).
 */
@Component
@Interceptor(order = StoppingInterceptor.AFTER_VALIDATION)
class StoppingInterceptor {

    private static final String GRADINGS = StoppingInterceptor.class.getName() + ".gradings";

    /** Runs after the profile and grade checks, so a rejected record never moves the boundary. */
    static final int AFTER_VALIDATION = 1000;

    private final ToxicityRecords toxicities;
    private final StoppingRule rule;

    StoppingInterceptor(ToxicityRecords toxicities, StoppingRule rule) {
        this.toxicities = toxicities;
        this.rule = rule;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction) {
        if (!TransactionBundle.entriesBeingWritten(transaction)) {
            toxicities.recordOf(resource).ifPresent(record -> changed(resource, Optional.of(record)));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction) {
        if (!TransactionBundle.entriesBeingWritten(transaction) && (toxicities.recordOf(previous).isPresent() || toxicities.recordOf(current).isPresent())) {
            changed(current, toxicities.recordOf(current));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    void deleted(IBaseResource resource, TransactionDetails transaction) {
        if (!TransactionBundle.entriesBeingWritten(transaction) && toxicities.recordOf(resource).isPresent()) {
            changed(resource, Optional.empty());
        }
    }

    /** An entry of a FHIR transaction: its commit hook is deferred until all entries are written, and names its id. */
    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void createdInTransaction(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        if (timing == InterceptorInvocationTimingEnum.DEFERRED && toxicities.recordOf(resource).isPresent()) {
            written(resource, Optional.empty(), transaction);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updatedInTransaction(IBaseResource previous, IBaseResource current, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        Optional<PatientToxicity> before = toxicities.recordOf(previous);
        if (timing == InterceptorInvocationTimingEnum.DEFERRED && (before.isPresent() || toxicities.recordOf(current).isPresent())) {
            written(current, before, transaction);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    void deletedInTransaction(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        Optional<PatientToxicity> before = toxicities.recordOf(resource);
        if (timing == InterceptorInvocationTimingEnum.DEFERRED && before.isPresent()) {
            written(resource, before, transaction);
        }
    }

    /** The gradings of a FHIR transaction count together: the rule is applied once all of its entries are written. */
    @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
    void transactionWritten(TransactionDetails transaction) {
        TransactionGradings gradings = transaction.getUserData(GRADINGS);
        if (gradings != null) {
            transaction.putUserData(GRADINGS, null);
            rule.applyToStudiesOf(gradings.patients(), gradings.undo());
        }
    }

    private void changed(IBaseResource grading, Optional<PatientToxicity> now) {
        String patient = patientOf(grading);
        if (patient != null) {
            rule.applyToStudiesOf(patient, PendingToxicityWrite.replacing(source(grading), now));
        }
    }

    private void written(IBaseResource grading, Optional<PatientToxicity> before, TransactionDetails transaction) {
        String patient = patientOf(grading);
        if (patient != null) {
            transaction.getOrCreateUserData(GRADINGS, TransactionGradings::new).add(patient, source(grading), before);
        }
    }

    private static String source(IBaseResource grading) {
        return grading.fhirType() + "/" + grading.getIdElement().getIdPart();
    }

    private static String patientOf(IBaseResource grading) {
        if (grading instanceof Observation observation) {
            return observation.getSubject().getReference();
        }
        return grading instanceof AdverseEvent event ? event.getSubject().getReference() : null;
    }
}
