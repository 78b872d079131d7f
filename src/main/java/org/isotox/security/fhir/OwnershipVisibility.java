package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.OwnershipPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What a token gets out of the storage layer, as {@link OwnershipPolicy} decides from each resource's
 * owner. Searches are narrowed in the query (by the ownership label), so counts, totals and pages are
 * those of what the token may see; every resource the storage layer hands to a client request (read,
 * vread, search pages, includes, history, {@code $everything}, conditional matches) is checked once more
 * and left out when the token may not see it.
 */
@Component
@Interceptor
@ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
class OwnershipVisibility {

    private static final String SECURITY = Constants.PARAM_SECURITY;

    private final FhirContext fhirContext;
    private final BearerGrants grants;
    private final StoredOwners storedOwners;

    OwnershipVisibility(FhirContext fhirContext, BearerGrants grants, StoredOwners storedOwners) {
        this.fhirContext = fhirContext;
        this.grants = grants;
        this.storedOwners = storedOwners;
    }

    /** A narrowed search is never answered from another token's cached results, nor leaves its own for others. */
    @Hook(Pointcut.STORAGE_PRECHECK_FOR_CACHED_SEARCH)
    public boolean mayReuseCachedSearch(RequestDetails request) {
        return OwnershipStamp.isServer(request) || OwnershipPolicy.visibleOwners(grants.of(request), false).isEmpty();
    }

    @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
    public void narrow(RequestDetails request, SearchParameterMap search, ICachedSearchDetails cached) {
        if (OwnershipStamp.isServer(request)) {
            return;
        }
        boolean filtersByReferrers = search.keySet().stream().anyMatch(name -> name.startsWith(Constants.PARAM_HAS));
        Optional<Set<Owner>> visible = OwnershipPolicy.visibleOwners(grants.of(request), filtersByReferrers);
        if (visible.isPresent()) {
            search.add(SECURITY, OwnershipLabels.anyOf(visible.get()));
            cached.setCannotBeReused();
            SearchPages.markFor(grants.of(request), cached);
        }
    }

    @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
    public void hideWhatTheTokenMayNotSee(RequestDetails request, IPreResourceAccessDetails resources) {
        if (OwnershipStamp.isServer(request)) {
            return;
        }
        AccessGrant grant = grants.of(request);
        for (int i = 0; i < resources.size(); i++) {
            IBaseResource resource = resources.getResource(i);
            if (resource != null && !OwnershipPolicy.maySee(grant, fhirContext.getResourceType(resource), owner(resource, request))) {
                resources.setDontReturnResourceAtIndex(i);
            }
        }
    }

    /** Its label; for a version stored before owners were labelled, the current version's; else trial-wide. */
    private Owner owner(IBaseResource resource, RequestDetails request) {
        return OwnershipLabels.of(resource)
                .or(() -> resource.getIdElement().hasIdPart() ? storedOwners.of(resource.getIdElement(), request) : Optional.empty())
                .orElse(Owner.TRIAL_WIDE);
    }
}
