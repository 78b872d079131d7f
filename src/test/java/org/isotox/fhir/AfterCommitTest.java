package org.isotox.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** Work after a commit runs in a transaction of its own, and once more when that one fails. */
class AfterCommitTest {

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final AfterCommit afterCommit = new AfterCommit(transactions, new BackgroundWork());

    @Test
    void workWhoseCommitFailsRunsAgainInANewTransaction() {
        transactions.failCommits = 1;
        AtomicInteger runs = new AtomicInteger();

        afterCommit.run(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(transactions.outcomes).containsExactly("commit failed", "committed");
    }

    @Test
    void workThatFailsRunsAgainAfterItsRollback() {
        AtomicInteger runs = new AtomicInteger();

        afterCommit.run(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("a concurrent writer replaced the record first");
            }
        });

        assertThat(runs).hasValue(2);
        assertThat(transactions.outcomes).containsExactly("rolled back", "committed");
    }

    @Test
    void workThatFailsTwiceFailsWithBothCauses() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> afterCommit.run(() -> {
            throw new IllegalStateException("failure " + runs.incrementAndGet());
        }))
                .hasMessage("failure 2")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .extracting(Throwable::getMessage).isEqualTo("failure 1"));
        assertThat(transactions.outcomes).containsExactly("rolled back", "rolled back");
    }

    @Test
    void workThatSucceedsRunsOnce() {
        AtomicInteger runs = new AtomicInteger();

        afterCommit.run(runs::incrementAndGet);

        assertThat(runs).hasValue(1);
        assertThat(transactions.outcomes).containsExactly("committed");
    }

    private static final class RecordingTransactions implements PlatformTransactionManager {
        final List<String> outcomes = new ArrayList<>();
        int failCommits;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            assertThat(definition.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            if (failCommits > 0) {
                failCommits--;
                outcomes.add("commit failed");
                throw new TransactionSystemException("Illegal attempt to associate a collection with two open sessions");
            }
            outcomes.add("committed");
        }

        @Override
        public void rollback(TransactionStatus status) {
            outcomes.add("rolled back");
        }
    }
}
