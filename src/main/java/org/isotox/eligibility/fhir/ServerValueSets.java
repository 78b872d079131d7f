package org.isotox.eligibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.isotox.eligibility.domain.Code;
import org.springframework.stereotype.Component;

/**
 * ValueSets as the server's terminology expands them: the stored ValueSet, over the CodeSystems the
 * server holds. Each stored version is expanded once and cached: a request only looks up which
 * version is current.
 */
@Component
class ServerValueSets implements ValueSetCodes {

    private final DaoRegistry daoRegistry;
    private final IValidationSupport serverTerminology;
    private final InMemoryTerminologyServerValidationSupport expander;
    private final Map<String, Set<Code>> expansionsByVersion = new ConcurrentHashMap<>();

    ServerValueSets(FhirContext fhirContext, DaoRegistry daoRegistry, IValidationSupport serverTerminology) {
        this.daoRegistry = daoRegistry;
        this.serverTerminology = serverTerminology;
        this.expander = new InMemoryTerminologyServerValidationSupport(fhirContext);
    }

    @Override
    public Optional<Set<Code>> codesOf(String canonical) {
        return current(canonical)
                .map(valueSet -> expansionsByVersion.computeIfAbsent(versionKey(valueSet), key -> expand(valueSet)));
    }

    private Optional<ValueSet> current(String canonical) {
        int bar = canonical.indexOf('|');
        SearchParameterMap byUrl = SearchParameterMap.newSynchronous(
                ValueSet.SP_URL, new UriParam(bar < 0 ? canonical : canonical.substring(0, bar)));
        if (bar >= 0) {
            byUrl.add(ValueSet.SP_VERSION, new TokenParam(canonical.substring(bar + 1)));
        }
        return dao().search(byUrl, new SystemRequestDetails()).getAllResources().stream()
                .map(ValueSet.class::cast)
                .max(Comparator.comparing(valueSet -> valueSet.getMeta().getLastUpdated()));
    }

    private static String versionKey(ValueSet valueSet) {
        return valueSet.getIdElement().getIdPart() + "/_history/" + valueSet.getMeta().getVersionId();
    }

    /**
     * In memory, with the server's terminology resolving the CodeSystems: HAPI's database expansion
     * of a stored CodeSystem needs Hibernate Search, which this server runs without (HSEARCH800001).
     * Codes enumerated from a CodeSystem the server lacks (SNOMED CT) are taken as listed.
     */
    private Set<Code> expand(ValueSet valueSet) {
        ValueSetExpansionOptions options = new ValueSetExpansionOptions().setFailOnMissingCodeSystem(false);
        IValidationSupport.ValueSetExpansionOutcome outcome =
                expander.expandValueSet(new ValidationSupportContext(serverTerminology), options, valueSet);
        if (outcome == null || outcome.getError() != null) {
            throw new InternalErrorException("Could not expand ValueSet " + valueSet.getUrl() + ": "
                    + (outcome == null ? "no expansion" : outcome.getError()));
        }
        Set<Code> codes = new HashSet<>();
        collect(((ValueSet) outcome.getValueSet()).getExpansion().getContains(), codes);
        return Set.copyOf(codes);
    }

    private static void collect(List<ValueSetExpansionContainsComponent> contains, Set<Code> codes) {
        for (ValueSetExpansionContainsComponent entry : contains) {
            if (entry.hasSystem() && entry.hasCode()) {
                codes.add(new Code(entry.getSystem(), entry.getCode()));
            }
            collect(entry.getContains(), codes);
        }
    }

    private IFhirResourceDao<ValueSet> dao() {
        return daoRegistry.getResourceDao(ValueSet.class);
    }
}
