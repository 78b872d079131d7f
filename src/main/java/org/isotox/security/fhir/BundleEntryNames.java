package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.isotox.fhir.RestInterceptor;

/**
 * Remembers, for a transaction or batch, which entry each resource came in, so that a refusal of one
 * resource deep in the write path can name the entry (its index and {@code fullUrl}).
 */
final class BundleEntryNames implements RestInterceptor {

    private static final String KEY = BundleEntryNames.class.getName();

    /** Where a refused resource came from, as an OperationOutcome names it. */
    record Entry(String expression, String description) {}

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void remember(RequestDetails request) {
        if (request.getResource() instanceof Bundle bundle
                && (bundle.getType() == Bundle.BundleType.TRANSACTION || bundle.getType() == Bundle.BundleType.BATCH)) {
            Map<IBaseResource, Entry> entries = new IdentityHashMap<>();
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                if (entry.hasResource()) {
                    String fullUrl = entry.hasFullUrl() ? " (" + entry.getFullUrl() + ")" : "";
                    entries.put(entry.getResource(), new Entry("Bundle.entry[" + i + "].resource", "Bundle.entry[" + i + "]" + fullUrl));
                }
            }
            request.getUserData().put(KEY, entries);
        }
    }

    @SuppressWarnings("unchecked")
    static Optional<Entry> of(IBaseResource resource, RequestDetails request) {
        if (request == null || !(request.getUserData().get(KEY) instanceof Map<?, ?> entries)) {
            return Optional.empty();
        }
        return Optional.ofNullable(((Map<IBaseResource, Entry>) entries).get(resource));
    }
}
