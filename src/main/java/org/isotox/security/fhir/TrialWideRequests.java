package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;

/**
 * Requests only the trial-wide roles make: asking for the audit trail (the coordinator), and the
 * history of a whole resource type or of the server, whose entries and totals span every site (a
 * site-bound token asks for one resource's history instead). Refused with 403 before anything is read.
 */
final class TrialWideRequests implements RestInterceptor {

    private static final String AUDIT_EVENT = "AuditEvent";
    private static final Set<RestOperationTypeEnum> READS = Set.of(
            RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.SEARCH_TYPE,
            RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.HISTORY_TYPE);
    private static final Set<RestOperationTypeEnum> CROSS_SITE_HISTORY =
            Set.of(RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM);

    private final BearerGrants grants;

    TrialWideRequests(BearerGrants grants) {
        this.grants = grants;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        AccessGrant grant = grants.of(request);
        if (AUDIT_EVENT.equals(request.getResourceName()) && READS.contains(operation) && !grant.role().administers()) {
            throw new ForbiddenOperationException("Access denied: only the trial coordinator reads the audit trail");
        }
        if (CROSS_SITE_HISTORY.contains(operation) && grant.role().siteBound()) {
            throw new ForbiddenOperationException("Access denied: the history of a resource type or of the whole server spans"
                    + " every site; a site's client asks for the history of one resource ([type]/[id]/_history)");
        }
    }
}
