package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ValueSet;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Refuses (422) a ValueSet whose {@code compose} includes (or excludes) ValueSets that lead back to
 * one another: itself, or A and B including each other, whether written one after the other or in one
 * transaction. The ValueSets of the same transaction or batch are taken as written, the others as stored.
 */
@Component
@Interceptor
class ValueSetInclusionGuard {

    private final FhirContext fhirContext;
    private final DaoRegistry daoRegistry;

    ValueSetInclusionGuard(FhirContext fhirContext, DaoRegistry daoRegistry) {
        this.fhirContext = fhirContext;
        this.daoRegistry = daoRegistry;
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = StringContentGuard.FIRST)
    public void created(IBaseResource resource, RequestDetails request) {
        check(resource, request);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = StringContentGuard.FIRST)
    public void updated(IBaseResource oldResource, IBaseResource resource, RequestDetails request) {
        check(resource, request);
    }

    private void check(IBaseResource resource, RequestDetails request) {
        if (!(resource instanceof ValueSet valueSet) || !valueSet.hasCompose()) {
            return;
        }
        String self = valueSet.hasUrl() ? withoutVersion(valueSet.getUrl()) : "this ValueSet";
        Map<String, Set<String>> written = new HashMap<>(BundleValueSets.of(request));
        written.put(self, includes(valueSet));
        Function<String, Set<String>> includes = url -> written.containsKey(url) ? written.get(url) : stored(url);
        InclusionCycle.from(self, includes).ifPresent(cycle -> {
            String message = "The ValueSet's compose leads back to a ValueSet it comes from, so it could never be expanded: "
                    + String.join(" includes ", cycle);
            throw new UnprocessableEntityException(fhirContext,
                    OperationOutcomes.error(IssueType.INVALID, message, "ValueSet.compose.include.valueSet"));
        });
    }

    private Set<String> stored(String url) {
        List<IBaseResource> found = daoRegistry.getResourceDao("ValueSet")
                .search(SearchParameterMap.newSynchronous(ValueSet.SP_URL, new UriParam(url)), new SystemRequestDetails())
                .getAllResources();
        Set<String> includes = new LinkedHashSet<>();
        found.forEach(valueSet -> includes.addAll(includes((ValueSet) valueSet)));
        return includes;
    }

    static Set<String> includes(ValueSet valueSet) {
        return Stream.concat(valueSet.getCompose().getInclude().stream(), valueSet.getCompose().getExclude().stream())
                .flatMap(include -> include.getValueSet().stream())
                .filter(canonical -> canonical.getValue() != null)
                .map(canonical -> withoutVersion(canonical.getValue()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String withoutVersion(String canonical) {
        int bar = canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }
}
