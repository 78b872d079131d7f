package org.isotox.eligibility.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hl7.fhir.r4.model.MetadataResource;
import org.springframework.stereotype.Component;

/**
 * The server's current version of a terminology resource (ValueSet, ConceptMap) by canonical URL (optionally
 * {@code |version}), and what is derived from it, computed once per stored version: a request only looks up
 * which version is current, so a study that updates its terminology is read at its next request.
 */
@Component
class StoredCanonicals {

    private final DaoRegistry daoRegistry;
    private final Map<String, Object> derivedByVersion = new ConcurrentHashMap<>();

    StoredCanonicals(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** {@code derive} (named {@code what}, the cache's key) applied to the current version of the resource. */
    <T extends MetadataResource, R> Optional<R> derived(
            Class<T> type, String canonical, String what, Function<T, R> derive) {
        return current(type, canonical).map(resource -> derived(resource, what, derive));
    }

    <T extends MetadataResource, R> R derived(T resource, String what, Function<T, R> derive) {
        String key = what + ":" + resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/"
                + resource.getMeta().getVersionId();
        @SuppressWarnings("unchecked")
        R value = (R) derivedByVersion.computeIfAbsent(key, k -> derive.apply(resource));
        return value;
    }

    <T extends MetadataResource> Optional<T> current(Class<T> type, String canonical) {
        int bar = canonical.indexOf('|');
        SearchParameterMap byUrl = SearchParameterMap.newSynchronous(
                "url", new UriParam(bar < 0 ? canonical : canonical.substring(0, bar)));
        if (bar >= 0) {
            byUrl.add("version", new TokenParam(canonical.substring(bar + 1)));
        }
        return daoRegistry.getResourceDao(type).search(byUrl, new SystemRequestDetails()).getAllResources().stream()
                .map(type::cast)
                .max(Comparator.comparing(resource -> resource.getMeta().getLastUpdated()));
    }
}
