package org.isotox.eligibility.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.OtherElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Concept;
import org.isotox.eligibility.domain.RecordedWith;
import org.isotox.eligibility.domain.ScaleConversion;
import org.springframework.stereotype.Component;

/**
 * The recording conventions as the server's stored terminology states them: ConceptMap {@value #RECORDED_AS}
 * (codes that record a characteristic), ConceptMap {@value #STAGE_IN_DIAGNOSIS} (stages that diagnosis codes state), the ConceptMaps whose mappings carry a numeric {@code dependsOn} and
 * {@code product} (score conversions such as ECOG to Karnofsky, found by their target code) and ValueSet
 * {@value #DIAGNOSIS_TERMINOLOGIES}. Each stored version is read once.
 */
@Component
class ServerRecordingTerminology implements RecordingTerminology {

    static final String RECORDED_AS = "https://isotox.org/fhir/ConceptMap/recorded-as";
    static final String STAGE_IN_DIAGNOSIS = "https://isotox.org/fhir/ConceptMap/stage-in-diagnosis";
    static final String DIAGNOSIS_TERMINOLOGIES = "https://isotox.org/fhir/ValueSet/diagnosis-terminologies";

    /** The mappings by which a target records the source itself. */
    private static final Set<ConceptMapEquivalence> SAME = Set.of(
            ConceptMapEquivalence.EQUAL, ConceptMapEquivalence.EQUIVALENT, ConceptMapEquivalence.SPECIALIZES,
            ConceptMapEquivalence.RELATEDTO);

    private final DaoRegistry daoRegistry;
    private final StoredCanonicals stored;
    private final ValueSetCodes valueSets;

    ServerRecordingTerminology(DaoRegistry daoRegistry, StoredCanonicals stored, ValueSetCodes valueSets) {
        this.daoRegistry = daoRegistry;
        this.stored = stored;
        this.valueSets = valueSets;
    }

    /** A mapping of one source code, as read from a ConceptMap. */
    private record Mapping(Code source, Code target, ConceptMapEquivalence equivalence, List<OtherElementComponent> dependsOn) {}

    @Override
    public Set<Code> recordedAs(Set<Code> codes) {
        Set<Code> all = new HashSet<>(codes);
        mappingsOf(codes).stream().filter(m -> SAME.contains(m.equivalence())).forEach(m -> all.add(m.target()));
        return all;
    }

    /** What a wider mapping depends on: an attribute (extension URL) whose code is in a ValueSet. */
    private record Attribute(String property, String valueSet, String label) {}

    @Override
    public List<RecordedWith> recordedWith(Set<Code> codes) {
        Map<Attribute, Set<Code>> byAttribute = new HashMap<>();
        for (Mapping mapping : mappingsOf(codes)) {
            if (mapping.equivalence() == ConceptMapEquivalence.WIDER && mapping.dependsOn().size() == 1) {
                OtherElementComponent on = mapping.dependsOn().get(0);
                Attribute attribute = new Attribute(on.getProperty(), on.getValue(), on.hasDisplay() ? on.getDisplay() : on.getValue());
                byAttribute.computeIfAbsent(attribute, k -> new HashSet<>()).add(mapping.target());
            }
        }
        List<RecordedWith> found = new ArrayList<>();
        byAttribute.forEach((attribute, targets) -> valueSets.codesOf(attribute.valueSet()).ifPresent(values ->
                found.add(new RecordedWith(targets, attribute.property(),
                        new Concept(values, attribute.label(), Optional.of(attribute.valueSet()))))));
        return found;
    }

    @Override
    public List<ScaleConversion> conversionsInto(Concept target) {
        if (target.codes().isEmpty()) {
            return List.of();
        }
        TokenOrListParam anyTarget = new TokenOrListParam();
        target.codes().forEach(code -> anyTarget.addOr(new TokenParam(code.code())));
        List<ScaleConversion> conversions = new ArrayList<>();
        daoRegistry.getResourceDao(ConceptMap.class)
                .search(SearchParameterMap.newSynchronous().add("target-code", anyTarget), new SystemRequestDetails())
                .getAllResources().stream()
                .map(ConceptMap.class::cast)
                .forEach(map -> conversions.addAll(stored.derived(map, "conversions", ServerRecordingTerminology::conversions)
                        .stream()
                        .filter(conversion -> target.codes().contains(conversion.target()))
                        .map(Conversion::scale)
                        .toList()));
        return conversions;
    }

    @Override
    public Set<Code> stagesStatedBy(Set<Code> codes) {
        Set<Code> stages = new HashSet<>();
        mappingsOf(STAGE_IN_DIAGNOSIS, codes).forEach(mapping -> stages.add(mapping.target()));
        return stages;
    }

    @Override
    public boolean namesDiagnosis(Set<Code> codes) {
        Set<String> systems = valueSets.systemsOf(DIAGNOSIS_TERMINOLOGIES).orElse(Set.of());
        return codes.stream().anyMatch(code -> systems.contains(code.system()));
    }

    private record Conversion(Code target, ScaleConversion scale) {}

    /** The score conversions of a ConceptMap: one per source code, its numeric dependsOn to each numeric product. */
    private static List<Conversion> conversions(ConceptMap map) {
        List<Conversion> found = new ArrayList<>();
        for (ConceptMapGroupComponent group : map.getGroup()) {
            for (SourceElementComponent element : group.getElement()) {
                Map<Code, Map<BigDecimal, Set<BigDecimal>>> byTarget = new HashMap<>();
                for (TargetElementComponent target : element.getTarget()) {
                    Optional<BigDecimal> from = number(target.getDependsOn());
                    Optional<BigDecimal> to = number(target.getProduct());
                    if (from.isPresent() && to.isPresent()) {
                        byTarget.computeIfAbsent(new Code(group.getTarget(), target.getCode()), k -> new HashMap<>())
                                .computeIfAbsent(from.get(), k -> new HashSet<>())
                                .add(to.get());
                    }
                }
                Concept source = new Concept(Set.of(new Code(group.getSource(), element.getCode())),
                        element.hasDisplay() ? element.getDisplay() : element.getCode());
                byTarget.forEach((target, scores) ->
                        found.add(new Conversion(target, new ScaleConversion(source, map.getUrl(), scores))));
            }
        }
        return List.copyOf(found);
    }

    private static Optional<BigDecimal> number(List<OtherElementComponent> values) {
        if (values.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(values.get(0).getValue()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private List<Mapping> mappingsOf(Set<Code> codes) {
        return mappingsOf(RECORDED_AS, codes);
    }

    private List<Mapping> mappingsOf(String conceptMap, Set<Code> codes) {
        return stored.derived(ConceptMap.class, conceptMap, "mappings", ServerRecordingTerminology::mappings)
                .orElse(List.of())
                .stream()
                .filter(mapping -> codes.contains(mapping.source()))
                .toList();
    }

    private static List<Mapping> mappings(ConceptMap map) {
        List<Mapping> mappings = new ArrayList<>();
        for (ConceptMapGroupComponent group : map.getGroup()) {
            for (SourceElementComponent element : group.getElement()) {
                for (TargetElementComponent target : element.getTarget()) {
                    mappings.add(new Mapping(new Code(group.getSource(), element.getCode()),
                            new Code(group.getTarget(), target.getCode()), target.getEquivalence(), target.getDependsOn()));
                }
            }
        }
        return List.copyOf(mappings);
    }
}
