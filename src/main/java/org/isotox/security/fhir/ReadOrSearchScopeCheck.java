package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.Permission;

/**
 * Tells reading from searching, which HAPI's read rules do not: SMART v2 grants them apart
 * ({@code .r} reads a known id, {@code .s} searches).
 */
final class ReadOrSearchScopeCheck implements RestInterceptor {

    private final BearerGrants grants;

    ReadOrSearchScopeCheck(BearerGrants grants) {
        this.grants = grants;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        Permission needed = switch (operation) {
            case SEARCH_TYPE -> Permission.SEARCH;
            case READ, VREAD -> Permission.READ;
            default -> null;
        };
        String type = request.getResourceName();
        if (needed != null && type != null && !grants.of(request).permits(type, needed)) {
            throw new ForbiddenOperationException("Access denied: no scope of the token allows "
                    + (needed == Permission.SEARCH ? "searching " : "reading ") + type + " (needs ." + (needed == Permission.SEARCH ? "s" : "r") + ")");
        }
    }
}
