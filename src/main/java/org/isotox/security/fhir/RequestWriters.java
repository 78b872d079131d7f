package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.isotox.security.domain.Writer;
import org.springframework.stereotype.Component;

/**
 * Who writes, for a request the storage layer sees: the server itself (internal writes, no request), or
 * the bearer of the request's token; with security switched off every client writes as the coordinator.
 */
@Component
class RequestWriters {

    private final BearerGrants grants;
    private final boolean securityEnabled;

    RequestWriters(BearerGrants grants, SecurityProperties properties) {
        this.grants = grants;
        this.securityEnabled = properties.enabled();
    }

    Writer of(RequestDetails request) {
        if (request == null || request instanceof SystemRequestDetails) {
            return Writer.SERVER;
        }
        return securityEnabled ? Writer.of(grants.of(request)) : Writer.COORDINATOR;
    }
}
