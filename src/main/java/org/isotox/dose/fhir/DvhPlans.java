package org.isotox.dose.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.dose.domain.CumulativeDvh;
import org.isotox.dose.domain.DvhProblem;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.domain.ReferencePlan;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Turns incoming DVHs into the dose core's reference plan, or refuses them with 422 and one
 * issue per problem, at the element that holds it: a non-monotone curve, a volume outside 0-100 %,
 * a negative dose, DVHs computed at different reference doses, a structure the rules need and
 * no DVH gives.
 */
@Component
class DvhPlans {

    private final FhirContext fhirContext;

    DvhPlans(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    ReferencePlan planFor(IsotoxicRules rules, List<DvhInput> inputs) {
        OperationOutcome problems = new OperationOutcome();
        List<CumulativeDvh> dvhs = new ArrayList<>();
        for (DvhInput input : inputs) {
            List<DvhProblem> found = CumulativeDvh.problemsOf(
                    input.structure(), input.points(), input.givenMaxDoseGy(), input.givenMeanDoseGy());
            found.forEach(problem -> OperationOutcomes.addError(
                    problems, IssueType.INVALID, problem.message(), where(input, problem)));
            if (found.isEmpty()) {
                dvhs.add(new CumulativeDvh(
                        input.structure(), input.points(), input.givenMaxDoseGy(), input.givenMeanDoseGy()));
            }
        }
        double referenceDose = inputs.isEmpty() ? Double.NaN : inputs.get(0).referenceDoseGy();
        for (DvhInput input : inputs) {
            if (Math.abs(input.referenceDoseGy() - referenceDose) > 1e-9) {
                OperationOutcomes.addError(problems, IssueType.INVALID, "The DVH of " + input.structure()
                        + " was computed at " + input.referenceDoseGy() + " Gy, the others at " + referenceDose
                        + " Gy: one plan's DVHs share one reference dose", input.expression());
            }
        }
        List<String> given = inputs.stream().map(DvhInput::structure).toList();
        for (String needed : rules.structures()) {
            if (!given.contains(needed)) {
                OperationOutcomes.addError(problems, IssueType.REQUIRED,
                        "No DVH of " + needed + ", which the study's dose limits need", "dvh");
            }
        }
        if (!problems.getIssue().isEmpty()) {
            throw new UnprocessableEntityException(fhirContext, problems);
        }
        return ReferencePlan.of(referenceDose, dvhs);
    }

    private static String where(DvhInput input, DvhProblem problem) {
        if (problem.pointIndex().isPresent() && problem.pointIndex().getAsInt() < input.pointExpressions().size()) {
            return input.pointExpressions().get(problem.pointIndex().getAsInt());
        }
        return input.expression();
    }
}
