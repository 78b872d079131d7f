package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page (what Tomcat forwards to when it refuses a request itself, e.g. a body read
 * that timed out) answers as the FHIR endpoint does: the status and an OperationOutcome, never Boot's
 * default JSON, which no FHIR client can read.
 */
@Controller
class OperationOutcomeErrorController implements ErrorController {

    private final FhirContext fhirContext;

    OperationOutcomeErrorController(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        String message = "The request was refused by the web server (HTTP " + status + ")";
        String outcome = fhirContext.newJsonParser().encodeResourceToString(
                OperationOutcomes.error(status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID, message));
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(Constants.CT_FHIR_JSON_NEW)).body(outcome);
    }
}
