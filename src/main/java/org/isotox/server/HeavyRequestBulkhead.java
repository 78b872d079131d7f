package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets only {@code isotox.limits.heavy-requests} searches, histories, transactions, batches and
 * operations run at once; the next waits up to {@code heavy-request-wait}, then gets 503 with
 * {@code Retry-After}. Reads by id, {@code metadata} and single-resource writes never wait here, so
 * a crowd of expensive requests cannot starve them of workers or database connections.
 */
@Component
class HeavyRequestBulkhead implements RestInterceptor {

    private static final Set<RestOperationTypeEnum> HEAVY = EnumSet.of(
            RestOperationTypeEnum.SEARCH_TYPE,
            RestOperationTypeEnum.SEARCH_SYSTEM,
            RestOperationTypeEnum.HISTORY_TYPE,
            RestOperationTypeEnum.HISTORY_SYSTEM,
            RestOperationTypeEnum.TRANSACTION,
            RestOperationTypeEnum.BATCH,
            RestOperationTypeEnum.EXTENDED_OPERATION_SERVER,
            RestOperationTypeEnum.EXTENDED_OPERATION_TYPE,
            RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);
    private static final String PERMIT = HeavyRequestBulkhead.class.getName();
    /** A transaction's own searches come through here again on the same thread, holding its permit. */
    private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);

    private final LimitsProperties limits;
    private final Semaphore permits;

    HeavyRequestBulkhead(LimitsProperties limits) {
        this.limits = limits;
        this.permits = new Semaphore(limits.heavyRequestPermits(), true);
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = -1000)
    public void enter(RequestDetails request, RestOperationTypeEnum operation) throws InterruptedException {
        if (!HEAVY.contains(operation) || HOLDING.get()) {
            return;
        }
        if (!permits.tryAcquire(limits.heavyRequestWait().toMillis(), TimeUnit.MILLISECONDS)) {
            String message = "Too many searches, transactions and operations at once; retry shortly"
                    + LimitsProperties.named("heavy-requests", limits.heavyRequestPermits());
            UnclassifiedServerFailureException busy = new UnclassifiedServerFailureException(
                    503, message, OperationOutcomes.error(IssueType.TRANSIENT, message));
            busy.addResponseHeader("Retry-After", "1");
            throw busy;
        }
        HOLDING.set(true);
        request.getUserData().put(PERMIT, Boolean.TRUE);
    }

    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
    public void leave(RequestDetails request) {
        if (request.getUserData().remove(PERMIT) != null) {
            HOLDING.remove();
            permits.release();
        }
    }
}
