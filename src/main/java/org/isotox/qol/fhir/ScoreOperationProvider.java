package org.isotox.qol.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationProvider;
import org.isotox.qol.domain.InstrumentDefinition;
import org.isotox.qol.domain.ScaleScore;
import org.springframework.stereotype.Component;

/**
 * {@code POST [base]/QuestionnaireResponse/$score}: the EORTC scale scores of a QLQ-C30 or
 * QLQ-LC13 response, posted as the body or as the {@code resource} parameter; nothing is stored.
 * A score is absent when too few of its items were answered; an item scored alone in place of its
 * unscored scale (the QLQ-LC13 dyspnoea items) also names that scale ({@code standsInFor}) and its
 * number ({@code item}).
 */
@Component
public class ScoreOperationProvider implements OperationProvider {

    private final FhirContext fhirContext;
    private final QuestionnaireScoring scoring;

    ScoreOperationProvider(FhirContext fhirContext, QuestionnaireScoring scoring) {
        this.fhirContext = fhirContext;
        this.scoring = scoring;
    }

    @Operation(name = "$score", type = QuestionnaireResponse.class, idempotent = false)
    public Parameters score(@OperationParam(name = "resource", min = 0, max = 1) QuestionnaireResponse response) {
        if (response == null) {
            String message = "A QuestionnaireResponse is required, as the body or the 'resource' parameter";
            throw new InvalidRequestException(message, OperationOutcomes.error(IssueType.REQUIRED, message, "resource"));
        }
        InstrumentDefinition instrument = scoring.instrumentOf(response).orElseThrow(() ->
                new UnprocessableEntityException(fhirContext, OperationOutcomes.error(IssueType.NOTSUPPORTED,
                        "Only responses to " + EortcQuestionnaires.CANONICAL_BASE + "eortc-qlq-c30 or -lc13 are scored; "
                                + "this one answers '" + response.getQuestionnaire() + "'",
                        "QuestionnaireResponse.questionnaire")));
        QuestionnaireScoring.Result result = scoring.score(response, instrument);
        if (result instanceof QuestionnaireScoring.Malformed malformed) {
            throw new InvalidRequestException("The response has unreadable answers", malformed.outcome());
        }
        if (result instanceof QuestionnaireScoring.Rejected rejected) {
            throw new UnprocessableEntityException(fhirContext, rejected.outcome());
        }
        return parameters((QuestionnaireScoring.Scores) result);
    }

    private static Parameters parameters(QuestionnaireScoring.Scores scores) {
        Parameters parameters = new Parameters();
        for (ScaleScore score : scores.scores()) {
            ParametersParameterComponent scale = parameters.addParameter().setName("scale");
            scale.addPart().setName("code").setValue(new CodeType(score.code()));
            score.value().ifPresent(value -> scale.addPart().setName("value").setValue(new DecimalType(value)));
            score.standIn().ifPresent(standIn -> {
                scale.addPart().setName("standsInFor").setValue(new CodeType(standIn.scale()));
                scale.addPart().setName("item").setValue(new IntegerType(standIn.item()));
            });
        }
        return parameters;
    }
}
