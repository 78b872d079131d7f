package org.isotox.response.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.fhir.DeferredOnce;
import org.isotox.fhir.KeptWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the derived RECIST time-point responses and best overall response in step with the lesion
 * measurements: every create, correction or deletion of a measurement recomputes the responses of
 * its patient (of both patients when a correction moves it to another), through REST and
 * transactions alike. In a FHIR transaction a patient's responses are recomputed once
 * ({@link DeferredOnce}), after it has committed, kept with its commit ({@link KeptWork}).
 */
@Component
@Interceptor
class TimepointResponseInterceptor {

    private final TimepointResponses responses;
    private final KeptWork keptWork;
    private final TimepointResponsesRecomputed recomputed;

    TimepointResponseInterceptor(TimepointResponses responses, KeptWork keptWork, TimepointResponsesRecomputed recomputed) {
        this.responses = responses;
        this.keptWork = keptWork;
        this.recomputed = recomputed;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        if (resource instanceof Observation observation && LesionMeasurements.isMeasurement(observation)) {
            recompute(Set.of(observation), observation, transaction, timing);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        if (current instanceof Observation now && previous instanceof Observation before
                && (LesionMeasurements.isMeasurement(before) || LesionMeasurements.isMeasurement(now))) {
            recompute(new LinkedHashSet<>(List.of(before, now)), now, transaction, timing);
        }
    }

    /** Before the delete: the responses refer to the measurement, and would block its deletion. */
    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    void deleted(IBaseResource resource) {
        if (resource instanceof Observation observation && LesionMeasurements.isMeasurement(observation)) {
            LesionMeasurements.patientOf(observation).ifPresent(patient ->
                    responses.recompute(patient, reference(observation), Optional.empty()));
        }
    }

    private void recompute(Set<Observation> versions, Observation changed, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        for (Observation version : versions) {
            LesionMeasurements.patientOf(version)
                    .filter(patient -> DeferredOnce.first("timepoint-responses", patient, transaction, timing))
                    .ifPresent(patient -> {
                if (timing == InterceptorInvocationTimingEnum.DEFERRED) {
                    keptWork.keepUntilDone(recomputed, () -> patient);
                } else {
                    responses.recompute(patient, reference(changed), Optional.of(changed));
                }
            });
        }
    }

    private static String reference(Observation observation) {
        return "Observation/" + observation.getIdElement().getIdPart();
    }
}
