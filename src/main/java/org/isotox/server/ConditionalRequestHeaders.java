package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.DateUtils;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * The conditional headers HAPI fails on with a 500: an {@code If-Match} that names no version (FHIR
 * versions are whole numbers, {@code W/"3"}) is refused with 400; an {@code If-Modified-Since} that
 * is no HTTP date is ignored, as RFC 9110 (13.1.3) asks.
 */
@Component
class ConditionalRequestHeaders implements RestInterceptor {

    private static final Pattern VERSION_TAG = Pattern.compile("(W/)?\"?[1-9][0-9]{0,17}\"?");

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void check(RequestDetails request) {
        String ifMatch = request.getHeader(Constants.HEADER_IF_MATCH);
        if (ifMatch != null && !VERSION_TAG.matcher(ifMatch.strip()).matches()) {
            String message = "The header If-Match must name one version of the resource, as W/\"3\"; was " + ifMatch;
            throw new InvalidRequestException(message, OperationOutcomes.error(IssueType.INVALID, message, "If-Match"));
        }
        String ifModifiedSince = request.getHeader(Constants.HEADER_IF_MODIFIED_SINCE);
        if (ifModifiedSince != null && DateUtils.parseDate(ifModifiedSince) == null) {
            request.setHeaders(Constants.HEADER_IF_MODIFIED_SINCE, List.of());
        }
    }
}
