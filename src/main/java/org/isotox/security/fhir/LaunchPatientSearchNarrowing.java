package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Reach;

/**
 * Narrows the searches of a token with {@code patient/} scopes only to its launch patient's compartment,
 * so that an app's {@code Observation?code=…} answers that patient's records rather than a refusal.
 * (Site ownership is narrowed in the storage layer, for every token.)
 */
final class LaunchPatientSearchNarrowing extends SearchNarrowingInterceptor implements RestInterceptor {

    private final BearerGrants grants;

    LaunchPatientSearchNarrowing(BearerGrants grants) {
        this.grants = grants;
    }

    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
        AccessGrant grant = grants.of(request);
        if (grant.grants().isEmpty() || grant.grants().stream().anyMatch(g -> g.reach() != Reach.LAUNCH_PATIENT)) {
            return null;
        }
        return grant.patient().map(patient -> new AuthorizedList().addCompartment(patient)).orElse(null);
    }
}
