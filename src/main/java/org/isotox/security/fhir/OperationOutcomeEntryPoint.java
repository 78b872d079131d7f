package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request without a valid token: 401 with the {@code WWW-Authenticate: Bearer} challenge (saying
 * what was wrong with the token, RFC 6750) and an OperationOutcome a FHIR client can show.
 */
final class OperationOutcomeEntryPoint implements AuthenticationEntryPoint {

    private final FhirContext fhirContext;
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    OperationOutcomeEntryPoint(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        String diagnostics = request.getHeader("Authorization") == null
                ? "A bearer token is required (Authorization: Bearer ...); see " + SmartConfigurationServlet.PATH
                : "The bearer token was refused: " + failure.getMessage();
        response.setContentType(Constants.CT_FHIR_JSON_NEW);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(
                OperationOutcomes.error(IssueType.LOGIN, diagnostics)));
    }
}
