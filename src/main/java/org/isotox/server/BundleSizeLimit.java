package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 413, a transaction or batch of more entries than {@code isotox.limits.bundle-entries}
 * before any entry is processed: one huge transaction holds a database transaction and its locks for
 * minutes.
 */
@Component
class BundleSizeLimit implements RestInterceptor {

    private final LimitsProperties limits;

    BundleSizeLimit(LimitsProperties limits) {
        this.limits = limits;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request) {
        if (request.getResource() instanceof Bundle bundle
                && (bundle.getType() == BundleType.TRANSACTION || bundle.getType() == BundleType.BATCH)
                && bundle.getEntry().size() > limits.bundleEntries()) {
            String message = "The " + bundle.getType().toCode() + " has " + bundle.getEntry().size() + " entries"
                    + LimitsProperties.named("bundle-entries", limits.bundleEntries());
            throw new PayloadTooLargeException(message, OperationOutcomes.error(IssueType.TOOCOSTLY, message, "Bundle.entry"));
        }
    }
}
