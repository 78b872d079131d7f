package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Answers, from a servlet filter (before HAPI), with a refusal's status and OperationOutcome. */
final class FilterRefusal {

    private FilterRefusal() {}

    static void write(FhirContext fhirContext, HttpServletResponse response, BaseServerResponseException refusal)
            throws IOException {
        response.setStatus(refusal.getStatusCode());
        response.setContentType(Constants.CT_FHIR_JSON_NEW);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        IBaseResource outcome = refusal.getOperationOutcome();
        response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
    }
}
