package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses a bulk export kick-off whose {@code _typeFilter} the export job could not run (a resource
 * type not exported, an unknown search parameter, a value that does not parse) with 400, instead of
 * accepting it and failing the job later. Each filter is translated as HAPI's job will translate it.
 */
@Component
class BulkExportTypeFilters implements RestInterceptor {

    private static final String TYPE_FILTER = "_typeFilter";
    /** Filters are comma-separated, and a filter may itself hold commas (HAPI splits the same way). */
    private static final String BETWEEN_FILTERS = ",(?=[A-Z][A-Za-z]+\\?)";

    private final FhirContext fhirContext;
    private final MatchUrlService matchUrls;

    BulkExportTypeFilters(FhirContext fhirContext, MatchUrlService matchUrls) {
        this.fhirContext = fhirContext;
        this.matchUrls = matchUrls;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void check(RequestDetails request) {
        if (!"$export".equals(request.getOperation())) {
            return;
        }
        Map<String, String[]> parameters = request.getParameters();
        Set<String> exported = Arrays.stream(parameters.getOrDefault("_type", new String[0]))
                .flatMap(types -> Arrays.stream(types.split(",")))
                .map(String::strip)
                .collect(Collectors.toSet());
        for (String filters : parameters.getOrDefault(TYPE_FILTER, new String[0])) {
            for (String filter : filters.split(BETWEEN_FILTERS)) {
                check(filter, exported);
            }
        }
    }

    private void check(String filter, Set<String> exported) {
        int query = filter.indexOf('?');
        String type = query < 0 ? filter : filter.substring(0, query);
        if (query < 0 || !fhirContext.getResourceTypes().contains(type)) {
            throw refused(filter, "does not start with a resource type and '?'");
        }
        if (!exported.isEmpty() && !exported.contains(type)) {
            throw refused(filter, "filters " + type + ", which _type does not export");
        }
        try {
            matchUrls.translateMatchUrl(filter, fhirContext.getResourceDefinition(type));
        } catch (InvalidRequestException | DataFormatException | IllegalArgumentException e) {
            throw refused(filter, "is not a valid search: " + e.getMessage());
        }
    }

    private static InvalidRequestException refused(String filter, String problem) {
        String message = "The _typeFilter " + filter + " " + problem;
        return new InvalidRequestException(message, OperationOutcomes.error(IssueType.INVALID, message, TYPE_FILTER));
    }
}
