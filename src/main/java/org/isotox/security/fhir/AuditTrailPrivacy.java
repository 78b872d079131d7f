package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.isotox.fhir.RestInterceptor;

/**
 * Leaves AuditEvents out of what anyone but the coordinator gets back, where they come along with
 * other data: a patient's {@code $everything}, {@code _revinclude}s, history. (Asking for them
 * directly is refused by the authorization rules.) HAPI's consent interceptor runs before the
 * authorization rules judge the response, so the rest of the answer is still given.
 */
final class AuditTrailPrivacy extends ConsentInterceptor implements RestInterceptor {

    private final BearerGrants grants;

    AuditTrailPrivacy(BearerGrants grants) {
        super(new HideAuditEvents(grants));
        this.grants = grants;
    }

    /**
     * The consent machinery also refuses {@code _summary=count} and {@code _total=accurate} (a count
     * could reveal what it hides): it is engaged only for the requests that can bring AuditEvents
     * along to someone who may not see them.
     */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void engageOnlyWhereNeeded(RequestDetails request) {
        if (grants.of(request).role().administers() || !canBringAuditEventsAlong(request)) {
            skipAllConsentForRequest(request);
        }
    }

    private static boolean canBringAuditEventsAlong(RequestDetails request) {
        RestOperationTypeEnum type = request.getRestOperationType();
        return "$everything".equals(request.getOperation())
                || request.getParameters().containsKey("_revinclude")
                || type == RestOperationTypeEnum.HISTORY_SYSTEM
                || type == RestOperationTypeEnum.SEARCH_SYSTEM
                || type == RestOperationTypeEnum.TRANSACTION;
    }

    private record HideAuditEvents(BearerGrants grants) implements IConsentService {

        @Override
        public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices context) {
            return judge(request, resource);
        }

        @Override
        public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices context) {
            return judge(request, resource);
        }

        private ConsentOutcome judge(RequestDetails request, IBaseResource resource) {
            return resource instanceof AuditEvent && !grants.of(request).role().administers()
                    ? ConsentOutcome.REJECT
                    : ConsentOutcome.PROCEED;
        }
    }
}
