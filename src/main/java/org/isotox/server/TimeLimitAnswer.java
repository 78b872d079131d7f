package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.sql.SQLException;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Answers a request that ran out of time (its deadline, or the database's statement timeout) with
 * 503 and an OperationOutcome naming the limit, instead of HAPI's 500.
 */
@Component
class TimeLimitAnswer implements RestInterceptor {

    /** PostgreSQL's {@code query_canceled}: a statement timeout, or a cancel after the transaction's timeout. */
    private static final String QUERY_CANCELED = "57014";
    private static final String STATEMENT_TIMEOUT = "statement timeout";

    private final LimitsProperties limits;

    TimeLimitAnswer(LimitsProperties limits) {
        this.limits = limits;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(Throwable thrown) {
        return limitRunInto(thrown).map(limit -> {
            UnclassifiedServerFailureException late =
                    new UnclassifiedServerFailureException(503, limit, OperationOutcomes.error(IssueType.TIMEOUT, limit));
            late.addResponseHeader("Retry-After", "10");
            return (BaseServerResponseException) late;
        }).orElse(null);
    }

    private Optional<String> limitRunInto(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains(STATEMENT_TIMEOUT)) {
                return Optional.of("A database statement of the request ran too long"
                        + LimitsProperties.named("statement-timeout", limits.statementTimeout()));
            }
            if (cause instanceof TransactionTimedOutException
                    || (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.QueryTimeoutException
                    || cause instanceof org.springframework.dao.QueryTimeoutException) {
                return Optional.of(DeadlineTransactionManager.EXCEEDED
                        + LimitsProperties.named("request-deadline", limits.requestDeadline()));
            }
        }
        return Optional.empty();
    }
}
