package org.isotox.qol.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.isotox.qol.domain.InstrumentDefinition;
import org.springframework.stereotype.Component;

/**
 * Scores every QLQ-C30 / QLQ-LC13 QuestionnaireResponse written (created or corrected, in a
 * transaction or not) and stores its scale score Observations, replacing those of the version
 * before. A response whose answers the instrument does not have is refused (422). A response that
 * is not completed, is not about a Patient or has no authored date is not scored: its scores could not be
 * dated or would be premature; scores stored for an earlier version are removed, as they are when
 * the response is deleted.
 */
@Component
@Interceptor
class ScaleScoreInterceptor {

    private static final Set<QuestionnaireResponseStatus> SCORED =
            EnumSet.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

    private final FhirContext fhirContext;
    private final QuestionnaireScoring scoring;
    private final ScaleScoreObservations observations;

    ScaleScoreInterceptor(FhirContext fhirContext, QuestionnaireScoring scoring, ScaleScoreObservations observations) {
        this.fhirContext = fhirContext;
        this.scoring = scoring;
        this.observations = observations;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response) {
            scoring.instrumentOf(response).ifPresent(instrument -> score(response, instrument));
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        if (!(current instanceof QuestionnaireResponse response)) {
            return;
        }
        Optional<InstrumentDefinition> instrument = scoring.instrumentOf(response);
        if (instrument.isPresent()) {
            score(response, instrument.get());
        } else if (scoring.instrumentOf((QuestionnaireResponse) previous).isPresent()) {
            observations.withdraw(response);
        }
    }

    /** Before the delete: the scores refer to the response, and would block its deletion. */
    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    void deleted(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response && scoring.instrumentOf(response).isPresent()) {
            observations.withdraw(response);
        }
    }

    private void score(QuestionnaireResponse response, InstrumentDefinition instrument) {
        QuestionnaireScoring.Result result = scoring.score(response, instrument);
        if (result instanceof QuestionnaireScoring.Malformed malformed) {
            throw new UnprocessableEntityException(fhirContext, malformed.outcome());
        }
        if (result instanceof QuestionnaireScoring.Rejected rejected) {
            throw new UnprocessableEntityException(fhirContext, rejected.outcome());
        }
        if (SCORED.contains(response.getStatus()) && response.hasAuthored()
                && "Patient".equals(response.getSubject().getReferenceElement().getResourceType())) {
            observations.store(response, ((QuestionnaireScoring.Scores) result).scores());
        } else {
            observations.withdraw(response);
        }
    }
}
