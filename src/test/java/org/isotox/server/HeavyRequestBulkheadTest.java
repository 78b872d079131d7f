package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class HeavyRequestBulkheadTest {

    private final LimitsProperties limits = new LimitsProperties(50, 100, 3, 3, 1000, 10_000, 1, Duration.ofMillis(50),
            Duration.ofSeconds(60), "60s", Duration.ofSeconds(60), Duration.ofSeconds(20), 100);
    private final HeavyRequestBulkhead bulkhead = new HeavyRequestBulkhead(limits);

    @Test
    void aSecondHeavyRequestIsRefusedWith503NamingTheLimitWhileReadsPass() throws Exception {
        SystemRequestDetails first = new SystemRequestDetails();
        bulkhead.enter(first, RestOperationTypeEnum.SEARCH_TYPE);

        var elsewhere = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> enter(RestOperationTypeEnum.TRANSACTION), elsewhere);
            assertThatThrownBy(second::join).hasCauseInstanceOf(BaseServerResponseException.class)
                    .satisfies(e -> {
                        BaseServerResponseException busy = (BaseServerResponseException) e.getCause();
                        assertThat(busy.getStatusCode()).isEqualTo(503);
                        assertThat(busy.getMessage()).contains("isotox.limits.heavy-requests = 1");
                        assertThat(busy.getResponseHeaders()).containsKey("Retry-After");
                    });
            CompletableFuture.runAsync(() -> enter(RestOperationTypeEnum.READ), elsewhere).join();

            bulkhead.leave(first);
            CompletableFuture.runAsync(() -> enter(RestOperationTypeEnum.SEARCH_SYSTEM), elsewhere).join();
        } finally {
            elsewhere.shutdownNow();
        }
    }

    private void enter(RestOperationTypeEnum operation) {
        try {
            bulkhead.enter(new SystemRequestDetails(), operation);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
