package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the inside of the server out of error responses: a failure that is not a deliberate FHIR
 * answer (4xx) is logged in full under an incident number, and the client gets only that number —
 * no stack trace, SQL, table or class names. A search or operation parameter HAPI cannot parse is
 * the client's error: 400.
 */
final class ServerErrorMasking implements RestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorMasking.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException mask(Throwable failure) {
        if (failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500) {
            return answer;
        }
        if (failure instanceof DataFormatException malformed && isRequestParameter(malformed)) {
            return new InvalidRequestException(malformed.getMessage(),
                    OperationOutcomes.error(IssueType.INVALID, malformed.getMessage()));
        }
        String incident = UUID.randomUUID().toString();
        log.error("Incident {}: request failed", incident, failure);
        String message = "The server could not process the request (incident " + incident
                + "); the operators can look it up in the server log";
        return new InternalErrorException(message, OperationOutcomes.error(IssueType.EXCEPTION, message));
    }

    /**
     * HAPI reports a search or operation parameter it cannot parse (a date of month 13) as a parser
     * failure, not as a 400: recognised by who asked for the parse, the binding of a request parameter.
     */
    private static boolean isRequestParameter(DataFormatException failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.hl7.fhir.") || type.startsWith("ca.uhn.fhir.model.") || type.startsWith("ca.uhn.fhir.parser.")) {
                continue;
            }
            return type.startsWith("ca.uhn.fhir.rest.param.") || type.startsWith("ca.uhn.fhir.rest.server.method.");
        }
        return false;
    }
}
