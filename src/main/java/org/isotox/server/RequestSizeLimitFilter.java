package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects FHIR requests whose body exceeds the configured size with 413 and an OperationOutcome.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before anything is read. Bodies of
 * unknown length (chunked) and gzip bodies are counted while HAPI reads them; gzip is decompressed
 * here, so that the limit applies to what the server has to parse and a small compressed body
 * cannot expand into gigabytes.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final FhirContext fhirContext;
    private final long maxBytes;

    RequestSizeLimitFilter(FhirContext fhirContext, long maxBytes) {
        this.fhirContext = fhirContext;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            OperationOutcomeResponse.write(response, fhirContext, tooLarge("Request body of " + declared + " bytes"));
            return;
        }
        boolean gzip = "gzip".equalsIgnoreCase(request.getHeader(Constants.HEADER_CONTENT_ENCODING));
        if (declared < 0 || gzip) {
            chain.doFilter(new SizeLimitedRequest(request, maxBytes, gzip, this::tooLarge), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private PayloadTooLargeException tooLarge(String what) {
        String message = what + " exceeds the limit of " + maxBytes + " bytes";
        return new PayloadTooLargeException(message, OperationOutcomes.error(IssueType.TOOLONG, message));
    }
}
