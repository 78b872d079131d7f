package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.DefaultTransactionDefinition;

class DeadlineTransactionManagerTest {

    private final DeadlineTransactionManager manager =
            new DeadlineTransactionManager(mock(EntityManagerFactory.class), Duration.ofSeconds(5));

    @Test
    void aTransactionOutsideARequestKeepsItsOwnTimeout() {
        assertThat(manager.determineTimeout(new DefaultTransactionDefinition())).isEqualTo(-1);
    }

    @Test
    void aTransactionOfARequestGetsTheTimeLeftBeforeItsDeadline() throws Exception {
        AtomicInteger timeout = new AtomicInteger();

        new RequestDeadline(Duration.ofSeconds(5)).doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> timeout.set(manager.determineTimeout(new DefaultTransactionDefinition())));

        assertThat(timeout.get()).isBetween(4, 5);
    }

    @Test
    void noTransactionBeginsOnceTheDeadlineHasPassed() {
        assertThatThrownBy(() -> new RequestDeadline(Duration.ofMillis(-1)).doFilter(
                        new MockHttpServletRequest(), new MockHttpServletResponse(),
                        (request, response) -> manager.determineTimeout(new DefaultTransactionDefinition())))
                .isInstanceOf(TransactionTimedOutException.class)
                .hasMessageContaining("isotox.limits.request-deadline = 5000ms");
    }
}
