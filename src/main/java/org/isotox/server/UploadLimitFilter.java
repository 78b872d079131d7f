package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps clients that send their bodies slowly from taking every worker: at most
 * {@code isotox.limits.uploads} requests read a body at once (the next gets 503 at once), and a body
 * must arrive whole within {@code body-read-timeout} and never pause longer than {@code body-stall},
 * or the request gets 408. Each answer is an OperationOutcome naming the limit.
 */
final class UploadLimitFilter extends OncePerRequestFilter {

    private final FhirContext fhirContext;
    private final LimitsProperties limits;
    private final Semaphore uploads;

    UploadLimitFilter(FhirContext fhirContext, LimitsProperties limits) {
        this.fhirContext = fhirContext;
        this.limits = limits;
        this.uploads = new Semaphore(limits.uploads());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!uploads.tryAcquire()) {
            String message = "Too many request bodies are being received; retry shortly"
                    + LimitsProperties.named("uploads", limits.uploads());
            UnclassifiedServerFailureException busy =
                    new UnclassifiedServerFailureException(503, message, OperationOutcomes.error(IssueType.TRANSIENT, message));
            response.setHeader("Retry-After", "1");
            request.setAttribute(AbandonedBodyValve.ABANDONED, Boolean.TRUE);
            OperationOutcomeResponse.write(response, fhirContext, busy);
            return;
        }
        try {
            chain.doFilter(new TimeLimitedRequest(request, limits.bodyReadTimeout(), this::tooSlow), response);
        } finally {
            uploads.release();
        }
    }

    private UnclassifiedServerFailureException tooSlow(boolean stalled) {
        String message = stalled
                ? "The request body stopped arriving" + LimitsProperties.named("body-stall", limits.bodyStall())
                : "The request body arrived too slowly" + LimitsProperties.named("body-read-timeout", limits.bodyReadTimeout());
        UnclassifiedServerFailureException late =
                new UnclassifiedServerFailureException(408, message, OperationOutcomes.error(IssueType.TIMEOUT, message));
        return late;
    }
}
