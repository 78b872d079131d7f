package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.ResponseWarnings;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Delivers the warnings of a successful write: as warning issues of the response's
 * OperationOutcome (a client asking {@code Prefer: return=OperationOutcome}), and as HTTP
 * {@code Warning} headers whatever the response body.
 */
@Component
class ResponseWarningInterceptor implements RestInterceptor {

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void addWarnings(RequestDetails request, ResponseDetails response) {
        List<String> warnings = ResponseWarnings.of(request);
        if (warnings.isEmpty()) {
            return;
        }
        if (response.getResponseResource() instanceof OperationOutcome outcome) {
            warnings.forEach(w -> outcome.addIssue()
                    .setSeverity(IssueSeverity.WARNING)
                    .setCode(IssueType.BUSINESSRULE)
                    .setDiagnostics(w));
        }
        if (request instanceof ServletRequestDetails servlet) {
            warnings.forEach(w -> servlet.getServletResponse()
                    .addHeader("Warning", "299 isotox \"" + w.replace("\"", "'") + "\""));
        }
    }
}
