package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * An update whose {@code If-Match} names a version that is no longer current gets 412, as FHIR
 * asks (HAPI answers 409); also when the newer version was written a moment earlier by a
 * concurrent request, on this server or another one on the same database.
 *
 * <p>Runs before the error masking, which answers with the first exception a hook returns.
 */
@Component
class StaleVersionPrecondition implements RestInterceptor {

    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -100)
    public BaseServerResponseException preconditionFailed(RequestDetails request, Throwable failure) {
        boolean versionedUpdate = request != null
                && request.getHeader(Constants.HEADER_IF_MATCH) != null
                && (request.getRequestType() == RequestTypeEnum.PUT || request.getRequestType() == RequestTypeEnum.PATCH);
        if (!versionedUpdate || !(failure instanceof ResourceVersionConflictException)) {
            return null;
        }
        String message = "If-Match " + request.getHeader(Constants.HEADER_IF_MATCH)
                + " is not the current version of the resource: read it again and reapply the change";
        return new PreconditionFailedException(message, OperationOutcomes.error(IssueType.CONFLICT, message));
    }
}
