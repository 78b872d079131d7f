package org.isotox.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The moment by which a FHIR request's work must be done ({@code isotox.limits.request-deadline}),
 * kept for the request's thread: {@link DeadlineTransactionManager} gives every database transaction
 * begun there only the time that is left, so a request that runs over rolls back.
 */
final class RequestDeadline extends OncePerRequestFilter {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private final Duration budget;

    RequestDeadline(Duration budget) {
        this.budget = budget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        try {
            chain.doFilter(request, response);
        } finally {
            DEADLINE.remove();
        }
    }

    /** Milliseconds left for the current thread's request (0 or less: over), empty outside a request. */
    static OptionalLong millisLeft() {
        Long deadline = DEADLINE.get();
        return deadline == null ? OptionalLong.empty() : OptionalLong.of((deadline - System.nanoTime()) / 1_000_000);
    }
}
