package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ValueSet;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a transaction or batch, the inclusions of the ValueSets it writes, by canonical URL:
 * {@link ValueSetInclusionGuard} sees the whole bundle from its first ValueSet on, before the others
 * are stored.
 */
@Component
class BundleValueSets implements RestInterceptor {

    private static final String KEY = BundleValueSets.class.getName();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void remember(RequestDetails request) {
        if (request.getResource() instanceof Bundle bundle) {
            Map<String, Set<String>> includes = new HashMap<>();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof ValueSet valueSet && valueSet.hasUrl()
                        && entry.getRequest().getMethod() != Bundle.HTTPVerb.DELETE) {
                    includes.computeIfAbsent(ValueSetInclusionGuard.withoutVersion(valueSet.getUrl()), url -> new LinkedHashSet<>())
                            .addAll(ValueSetInclusionGuard.includes(valueSet));
                }
            }
            request.getUserData().put(KEY, includes);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> of(RequestDetails request) {
        return request != null && request.getUserData().get(KEY) instanceof Map<?, ?> includes
                ? (Map<String, Set<String>>) includes
                : Map.of();
    }
}
