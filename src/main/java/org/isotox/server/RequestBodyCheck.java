package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 400, a FHIR JSON or XML body (or a JSON Patch) that HAPI's parser would accept
 * silently or choke on: bytes that are not UTF-8 (HAPI would store replacement characters), XML with
 * a DOCTYPE or elements outside the FHIR namespace, a JSON key given twice, control characters or
 * lone surrogates in strings, nesting deeper than any resource, and numbers whose exponent makes HAPI
 * expand them into gigabytes of digits ({@code 1e999999999} exhausts the heap).
 *
 * <p>One streaming pass over the bytes HAPI buffers, before it parses them, whatever JSON or XML
 * media type the client declared ({@code application/json}, {@code text/xml}, ...: HAPI parses
 * them all as FHIR).
 */
@Component
class RequestBodyCheck implements RestInterceptor {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void check(RequestDetails request) {
        String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        boolean jsonPatch = contentType.toLowerCase(Locale.ROOT).contains(Constants.CT_JSON_PATCH);
        EncodingEnum encoding = jsonPatch ? EncodingEnum.JSON : EncodingEnum.forContentType(contentType);
        if (encoding == null || OperationBinding.of(request).filter(OperationMethodBinding::isManualRequestMode).isPresent()) {
            // an operation that reads its own body ($import-ctgov: a registry record) must find it unread
            return;
        }
        byte[] body = request.loadRequestContents();
        if (body == null || body.length == 0) {
            return;
        }
        StrictUtf8.Decoded decoded = StrictUtf8.decode(body);
        Optional<String> problem = decoded instanceof StrictUtf8.Decoded.Text text
                ? (encoding == EncodingEnum.XML ? XmlBodyScan.problem(text.text()) : JsonBodyScan.problem(text.text()))
                : Optional.of(((StrictUtf8.Decoded.Malformed) decoded).problem());
        problem.ifPresent(message -> {
            throw new InvalidRequestException(message, OperationOutcomes.error(IssueType.STRUCTURE, message));
        });
    }
}
