package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.Set;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Reach;

/**
 * Narrows the searches of a token that reaches only some patients to those patients, so that the
 * others are absent from the results (rather than the whole search refused): the launch patient's
 * compartment for {@code patient/} scopes, the site's patients for site-bound roles.
 */
final class TokenSearchNarrowing extends SearchNarrowingInterceptor implements RestInterceptor {

    /** Stands for "no patient at all" when a site has none yet: narrowing to nothing, not lifting it. */
    private static final String NO_PATIENT = "Patient/no-patient-of-this-site";

    private final BearerGrants grants;
    private final SitePatients sitePatients;

    TokenSearchNarrowing(BearerGrants grants, SitePatients sitePatients) {
        this.grants = grants;
        this.sitePatients = sitePatients;
    }

    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
        AccessGrant grant = grants.of(request);
        if (grant.grants().stream().anyMatch(g -> g.reach() == Reach.ALL)) {
            return null;
        }
        if (grant.grants().stream().anyMatch(g -> g.reach() == Reach.SITE)) {
            Set<String> patients = sitePatients.atRequest(request, grant.site().orElseThrow());
            return new AuthorizedList().addCompartments(patients.isEmpty() ? new String[] {NO_PATIENT} : patients.toArray(String[]::new));
        }
        return grant.patient().map(patient -> new AuthorizedList().addCompartment(patient)).orElse(null);
    }
}
