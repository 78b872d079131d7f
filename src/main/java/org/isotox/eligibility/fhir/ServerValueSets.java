package org.isotox.eligibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.isotox.eligibility.domain.Code;
import org.springframework.stereotype.Component;

/**
 * ValueSets as the server's terminology expands them: the stored ValueSet, over the CodeSystems the
 * server holds, expanded once per stored version.
 */
@Component
class ServerValueSets implements ValueSetCodes {

    private final StoredCanonicals stored;
    private final IValidationSupport serverTerminology;
    private final InMemoryTerminologyServerValidationSupport expander;

    ServerValueSets(FhirContext fhirContext, StoredCanonicals stored, IValidationSupport serverTerminology) {
        this.stored = stored;
        this.serverTerminology = serverTerminology;
        this.expander = new InMemoryTerminologyServerValidationSupport(fhirContext);
    }

    @Override
    public Optional<Set<Code>> codesOf(String canonical) {
        return stored.derived(ValueSet.class, canonical, "codes", this::expand);
    }

    @Override
    public Optional<Set<String>> systemsOf(String canonical) {
        return stored.derived(ValueSet.class, canonical, "systems", ServerValueSets::wholeSystems);
    }

    private static Set<String> wholeSystems(ValueSet valueSet) {
        return valueSet.getCompose().getInclude().stream()
                .filter(include -> include.hasSystem() && !include.hasConcept() && !include.hasFilter())
                .map(ValueSet.ConceptSetComponent::getSystem)
                .collect(Collectors.toUnmodifiableSet());
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
}
