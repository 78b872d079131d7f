package org.isotox.server;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * A transaction begun for a FHIR request gets as its timeout the time left before the request's
 * deadline ({@link RequestDeadline}): Spring then gives each query only what remains and fails the
 * first one after it, and the whole transaction rolls back. Once the deadline has passed, no new
 * transaction begins. Transactions outside a request (start-up, batch jobs, background work) keep
 * their own timeout.
 */
final class DeadlineTransactionManager extends JpaTransactionManager {

    static final String EXCEEDED = "The request ran past its deadline";

    private final Duration budget;

    DeadlineTransactionManager(EntityManagerFactory entityManagerFactory, Duration budget) {
        super(entityManagerFactory);
        this.budget = budget;
    }

    @Override
    protected int determineTimeout(TransactionDefinition definition) {
        int own = super.determineTimeout(definition);
        OptionalLong left = RequestDeadline.millisLeft();
        if (left.isEmpty()) {
            return own;
        }
        if (left.getAsLong() <= 0) {
            throw new TransactionTimedOutException(EXCEEDED + LimitsProperties.named("request-deadline", budget));
        }
        int seconds = (int) Math.max(1, (left.getAsLong() + 999) / 1000);
        return own == TransactionDefinition.TIMEOUT_DEFAULT ? seconds : Math.min(own, seconds);
    }
}
