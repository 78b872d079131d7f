package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path with an empty segment ({@code //fhir/Patient}) with 400. Tomcat maps it to the
 * servlet as if the slashes were one, but Spring's path parsing, which runs before the security
 * firewall that would refuse it, fails on it with a 500.
 */
final class EmptyPathSegmentFilter extends OncePerRequestFilter {

    private final FhirContext fhirContext;

    EmptyPathSegmentFilter(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().contains("//")) {
            String message = "The request path has an empty segment (//): " + request.getRequestURI();
            OperationOutcomeResponse.write(response, fhirContext,
                    new InvalidRequestException(message, OperationOutcomes.error(IssueType.INVALID, message)));
            return;
        }
        chain.doFilter(request, response);
    }
}
