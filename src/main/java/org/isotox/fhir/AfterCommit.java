package org.isotox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work once the running transaction has committed, in a transaction (and persistence
 * context) of its own. For writes that follow from a write but must not happen inside its
 * transaction: Hibernate 6.6 can fail ("possible non-threadsafe access to the session") when
 * HAPI's deferred pre-commit hooks of a FHIR transaction load what that transaction has just
 * written, and an audit record belongs to a write that happened.
 *
 * <p>In a client request the work waits until the request's own transactions are over and their
 * database connections are back in the pool (so that a burst of requests cannot starve the pool by
 * each holding one connection while asking for a second), and runs before the answer leaves: the
 * client sees what followed from its write. Elsewhere it runs right after the commit.
 *
 * <p>A unit of work that fails (at its commit, say, when a concurrent writer got there first) has
 * been rolled back whole, and runs once more in a new transaction: the work given here replaces
 * derived records or creates records whose ids the server assigns, so running it again after a
 * rollback writes what one run would have.
 */
@Component
public class AfterCommit implements RestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    /** The work of the request being served on this thread; absent outside client requests. */
    private static final ThreadLocal<Deque<Runnable>> REQUEST_WORK = new ThreadLocal<>();

    private final TransactionTemplate ownTransaction;
    private final BackgroundWork background;

    AfterCommit(PlatformTransactionManager transactions, BackgroundWork background) {
        this.background = background;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(Runnable work) {
        runAfterCommit(() -> inOwnTransaction(work));
    }

    /**
     * As {@link #run}, for work whose input is kept durably and done later by other means when it fails here (the
     * {@link KeptWork}): its failure is logged, and the client, whose write has committed, is not told it failed.
     */
    public void runOrLeaveKept(Runnable work) {
        runAfterCommit(() -> {
            try {
                inOwnTransaction(work);
            } catch (RuntimeException failure) {
                log.error("Work following a committed write failed twice; its input is kept for a later run", failure);
            }
        });
    }

    private void runAfterCommit(Runnable attempt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            attempt.run();
            return;
        }
        Deque<Runnable> requestWork = REQUEST_WORK.get();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (requestWork != null) {
                    requestWork.add(attempt);
                } else {
                    attempt.run();
                }
            }
        });
    }

    /**
     * Hands work over to a background thread, which runs it in a transaction of its own, once the
     * client request served on this thread has done its work: the answer does not wait for it.
     * {@code handOver} runs on the request's thread at that moment (outside client requests: right
     * away) and returns the work. Work runs in the order handed over; when the background thread
     * falls behind by {@link BackgroundWork#QUEUE_CAPACITY} pieces, the handing thread runs it
     * itself rather than drop it.
     */
    public void afterTheAnswer(Supplier<Runnable> handOver) {
        Runnable toBackground = () -> {
            Runnable work = handOver.get();
            background.run(() -> inOwnTransaction(work));
        };
        Deque<Runnable> requestWork = REQUEST_WORK.get();
        if (requestWork != null) {
            requestWork.add(toBackground);
        } else {
            toBackground.run();
        }
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean requestStarts() {
        REQUEST_WORK.set(new ArrayDeque<>());
        return true;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean answerLeaves() {
        runRequestWork();
        return true;
    }

    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
    public void requestEnds() {
        try {
            runRequestWork();
        } finally {
            REQUEST_WORK.remove();
        }
    }

    private void runRequestWork() {
        Deque<Runnable> requestWork = REQUEST_WORK.get();
        RuntimeException first = null;
        while (requestWork != null && !requestWork.isEmpty()) {
            try {
                requestWork.poll().run();
            } catch (RuntimeException failure) {
                log.error("Work following a committed write failed", failure);
                first = first == null ? failure : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void inOwnTransaction(Runnable work) {
        try {
            ownTransaction.executeWithoutResult(status -> work.run());
        } catch (RuntimeException firstFailure) {
            log.warn("Work following a committed write failed and was rolled back; running it once more", firstFailure);
            try {
                ownTransaction.executeWithoutResult(status -> work.run());
            } catch (RuntimeException secondFailure) {
                secondFailure.addSuppressed(firstFailure);
                throw secondFailure;
            }
        }
    }
}
