package org.isotox.response.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationPart;
import org.isotox.fhir.OperationProvider;
import org.isotox.response.domain.RecistEvaluation;
import org.isotox.response.domain.RecistEvaluator;
import org.isotox.response.domain.ValidationProblem;
import org.springframework.stereotype.Component;

/**
 * {@code POST [base]/$recist-evaluate}: RECIST 1.1 responses of a baseline and its assessments,
 * with the best overall response under the trial's settings. Malformed input is a 400, input that
 * breaks RECIST 1.1 (a non-measurable target at baseline, an unknown lesion) a 422; both name the part.
 *
 * <p>Beyond the contract: optional baseline lesion parts {@code organ} (string, for the two-per-organ
 * rule) and {@code inField} (boolean), an optional {@code studyEntry} (date) from which the minimum
 * duration of stable disease counts instead of the baseline date, and an output part
 * {@code progressionInField} for a PD.
 */
@Component
public class RecistEvaluateOperationProvider implements OperationProvider {

    private final FhirContext fhirContext;
    private final RecistSettings settings;
    private final RecistEvaluator evaluator = new RecistEvaluator();

    RecistEvaluateOperationProvider(FhirContext fhirContext, RecistSettings settings) {
        this.fhirContext = fhirContext;
        this.settings = settings;
    }

    @Operation(name = "$recist-evaluate", idempotent = false)
    public Parameters recistEvaluate(
            @OperationParam(name = "baseline", min = 0, max = 1) ParametersParameterComponent baseline,
            @OperationParam(name = "assessment", min = 0, max = OperationParam.MAX_UNLIMITED)
                    List<ParametersParameterComponent> assessments,
            @OperationParam(name = "studyEntry", min = 0, max = 1) ParametersParameterComponent studyEntry) {
        if (baseline == null) {
            throw OperationPart.malformed(IssueType.REQUIRED, "Parameter 'baseline' is required", "baseline");
        }
        RecistInput input = RecistInput.read(
                OperationPart.of(baseline, "baseline"),
                OperationPart.all(assessments == null ? List.of() : assessments, "assessment"),
                Optional.ofNullable(studyEntry).map(part -> OperationPart.of(part, "studyEntry")));
        RecistEvaluation evaluation = evaluator.evaluate(
                input.baseline(), input.assessments(), settings.bestResponseRules(), input.studyEntry());
        if (evaluation instanceof RecistEvaluation.Invalid invalid) {
            OperationOutcome outcome = new OperationOutcome();
            for (ValidationProblem problem : invalid.problems()) {
                OperationOutcomes.addError(outcome, IssueType.BUSINESSRULE, problem.message(), input.expressionOf(problem));
            }
            throw new UnprocessableEntityException(fhirContext, outcome);
        }
        return RecistOutput.of((RecistEvaluation.Evaluated) evaluation);
    }
}
