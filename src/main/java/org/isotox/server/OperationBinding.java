package org.isotox.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.util.Optional;

/** The operation method a request will call, looked up as HAPI will look it up after the request hooks. */
final class OperationBinding {

    private OperationBinding() {}

    static Optional<OperationMethodBinding> of(RequestDetails request) {
        if (request.getOperation() == null || !(request.getServer() instanceof RestfulServer server)) {
            return Optional.empty();
        }
        try {
            return server.determineResourceMethod(request, request.getRequestPath()) instanceof OperationMethodBinding operation
                    ? Optional.of(operation)
                    : Optional.empty();
        } catch (BaseServerResponseException e) {
            // no such operation: HAPI answers that itself
            return Optional.empty();
        }
    }
}
