package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 400, a client's search that would keep the database busy for minutes: too many
 * parameters, too long an OR list, too deep a chain, too many iterated includes. Checked where
 * every search is registered, so {@code GET}, {@code POST _search} and the searches of a
 * transaction or batch alike, before any query runs; the server's own searches are not limited.
 */
@Component
@Interceptor
class SearchComplexityLimit {

    private final LimitsProperties limits;

    SearchComplexityLimit(LimitsProperties limits) {
        this.limits = limits;
    }

    /** Before the ownership narrowing adds its own parameter. */
    @Hook(value = Pointcut.STORAGE_PRESEARCH_REGISTERED, order = -100)
    public void check(RequestDetails request, SearchParameterMap search) {
        if (request == null || request instanceof SystemRequestDetails) {
            return;
        }
        int clauses = 0;
        for (Map.Entry<String, List<List<IQueryParameterType>>> parameter : search.entrySet()) {
            clauses += parameter.getValue().size();
            for (List<IQueryParameterType> values : parameter.getValue()) {
                refuseAbove(values.size(), limits.searchValuesPerParameter(), "search-values-per-parameter",
                        "Parameter " + parameter.getKey() + " has " + values.size() + " values");
                for (IQueryParameterType value : values) {
                    if (value instanceof ReferenceParam reference && reference.getChain() != null) {
                        int depth = reference.getChain().split("\\.").length;
                        refuseAbove(depth, limits.searchChainDepth(), "search-chain-depth",
                                "Chain " + parameter.getKey() + "." + reference.getChain() + " has " + depth + " links");
                    }
                }
            }
        }
        refuseAbove(clauses, limits.searchParameters(), "search-parameters", "The search has " + clauses + " parameters");
        long iterations = Stream.concat(search.getIncludes().stream(), search.getRevIncludes().stream())
                .filter(Include::isRecurse)
                .count();
        refuseAbove(iterations, limits.searchIterations(), "search-iterations",
                "The search has " + iterations + " _include:iterate / _revinclude:iterate");
    }

    private static void refuseAbove(long count, int limit, String setting, String what) {
        if (count > limit) {
            String message = what + LimitsProperties.named(setting, limit);
            throw new InvalidRequestException(message, OperationOutcomes.error(IssueType.TOOCOSTLY, message));
        }
    }
}
