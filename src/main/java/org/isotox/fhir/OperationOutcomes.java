package org.isotox.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/** The one place where the server builds the OperationOutcomes it answers errors with. */
public final class OperationOutcomes {

    private OperationOutcomes() {}

    /** An outcome with a single error issue; {@code expressions} point at the offending elements (FHIRPath). */
    public static OperationOutcome error(IssueType code, String diagnostics, String... expressions) {
        OperationOutcome outcome = new OperationOutcome();
        addError(outcome, code, diagnostics, expressions);
        return outcome;
    }

    /** Adds one error issue to {@code outcome} and returns the issue. */
    public static OperationOutcomeIssueComponent addError(
            OperationOutcome outcome, IssueType code, String diagnostics, String... expressions) {
        OperationOutcomeIssueComponent issue =
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
        for (String expression : expressions) {
            issue.addExpression(expression);
        }
        return issue;
    }
}
