package org.isotox.security.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the audit events that committed writes left in the {@link AuditOutbox}: at start-up (a crash between a
 * write's commit and its event's storing), and every few minutes those kept for over a minute (a write whose event
 * failed to store twice; the minute leaves the writing request to store its own). Each in a transaction of its own.
 */
@Component
class AuditOutboxSweep implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AuditOutboxSweep.class);
    private static final int BATCH = 100;
    private static final Duration THE_WRITERS_TURN = Duration.ofMinutes(1);

    private final AuditOutbox outbox;
    private final StoredAuditTrail trail;
    private final TransactionTemplate ownTransaction;

    AuditOutboxSweep(AuditOutbox outbox, StoredAuditTrail trail, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.trail = trail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        storeKeptBefore(Instant.now());
    }

    @Scheduled(fixedDelayString = "${isotox.audit.outbox-sweep-interval:PT5M}", initialDelayString = "${isotox.audit.outbox-sweep-interval:PT5M}")
    void sweep() {
        storeKeptBefore(Instant.now().minus(THE_WRITERS_TURN));
    }

    /** Stores the events kept before {@code keptBefore}; returns how many rows were taken out of the outbox. */
    int storeKeptBefore(Instant keptBefore) {
        int taken = 0;
        List<AuditOutbox.Kept> batch;
        do {
            batch = outbox.keptBefore(keptBefore, BATCH);
            for (AuditOutbox.Kept kept : batch) {
                try {
                    ownTransaction.executeWithoutResult(status -> trail.storeKept(kept));
                    taken++;
                } catch (RuntimeException failure) {
                    LOG.error("The kept audit event {} could not be stored; it stays kept", kept.id(), failure);
                    return taken;
                }
            }
        } while (batch.size() == BATCH);
        if (taken > 0) {
            LOG.info("Stored {} audit events that committed writes had left in the outbox", taken);
        }
        return taken;
    }
}
