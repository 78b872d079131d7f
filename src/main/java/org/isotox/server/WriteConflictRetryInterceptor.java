package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retries a write that lost a race in the database, instead of answering 409.
 *
 * <p>EHRs push with conditional creates and resend on time-outs, so two identical requests can
 * arrive together; HAPI's unique match-URL index lets one of them fail. Retried, the loser finds the
 * winner's resource and answers 200. A request with {@code If-Match} is retried too: the retry
 * finds the winner's newer version and the loser gets its 412 ({@link StaleVersionPrecondition}).
 */
@Component
@Interceptor
class WriteConflictRetryInterceptor {

    private final int maxRetries;

    WriteConflictRetryInterceptor(@Value("${isotox.fhir.write-conflict-retries:3}") int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
    ResourceVersionConflictResolutionStrategy retryRaces(RequestDetails request) {
        ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
        strategy.setRetry(maxRetries > 0);
        strategy.setMaxRetries(maxRetries);
        return strategy;
    }
}
