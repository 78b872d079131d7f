package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Answers a refusal from a servlet filter, before HAPI runs, as HAPI would: status and OperationOutcome. */
final class OperationOutcomeResponse {

    private OperationOutcomeResponse() {}

    static void write(HttpServletResponse response, FhirContext fhirContext, BaseServerResponseException refusal)
            throws IOException {
        response.setStatus(refusal.getStatusCode());
        response.setContentType(Constants.CT_FHIR_JSON_NEW);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(refusal.getOperationOutcome()));
    }
}
