package org.isotox.validation.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DefinitionFiles;
import org.springframework.stereotype.Component;

/**
 * The trial's resource profiles, and which of them apply to a resource. A profile applies when the
 * resource declares it, or when the resource is of the profile's type and its {@code code} is one the
 * profile, or the official profile it derives from, fixes (pattern or required binding): the selection
 * is read from the profiles themselves. The official profiles shipped as bases ({@code fhir-profiles/ig/})
 * are not trial profiles: a resource declaring one is not held to the trial's constraints for that.
 */
@Component
public class TrialProfiles {

    private final Map<String, StructureDefinition> byUrl = new HashMap<>();
    private final List<Selector> selectors = new ArrayList<>();

    TrialProfiles(DefinitionFiles files) {
        Map<String, ValueSet> valueSets = new HashMap<>();
        for (Resource resource : files.terminology()) {
            if (resource instanceof ValueSet valueSet) {
                valueSets.put(valueSet.getUrl(), valueSet);
            }
        }
        Map<String, StructureDefinition> shipped = new LinkedHashMap<>();
        for (Resource resource : files.profiles()) {
            if (resource instanceof StructureDefinition definition) {
                shipped.put(definition.getUrl(), definition);
            }
        }
        for (StructureDefinition profile : shipped.values()) {
            if (profile.getKind() == StructureDefinitionKind.RESOURCE && profile.getUrl().startsWith(Canonicals.BASE + "/")) {
                byUrl.put(profile.getUrl(), profile);
                selectors.add(new Selector(profile.getType(), profile.getUrl(), matcherOf(profile, shipped, valueSets)));
            }
        }
    }

    /** The trial profiles {@code resource} declares in {@code meta.profile}. */
    public Set<String> declaredBy(Resource resource) {
        Set<String> declared = new LinkedHashSet<>();
        for (CanonicalType profile : resource.getMeta().getProfile()) {
            String url = withoutVersion(profile.getValue());
            if (byUrl.containsKey(url)) {
                declared.add(url);
            }
        }
        return declared;
    }

    /** The trial profiles whose type and code fit {@code resource}, declared or not. */
    public Set<String> selectedFor(Resource resource, Optional<CodeableConcept> code) {
        Set<String> selected = new LinkedHashSet<>();
        for (Selector selector : selectors) {
            if (selector.resourceType().equals(resource.fhirType())
                    && selector.codes().matches(code.orElse(null))) {
                selected.add(selector.profileUrl());
            }
        }
        return selected;
    }

    /** The URLs of the trial profiles on {@code resourceType}. */
    public Set<String> profilesOf(String resourceType) {
        Set<String> urls = new HashSet<>();
        selectors.stream().filter(s -> s.resourceType().equals(resourceType)).forEach(s -> urls.add(s.profileUrl()));
        return urls;
    }

    /** The codes the profile's own differential fixes, else those of the shipped profile it derives from. */
    private static CodeMatcher matcherOf(
            StructureDefinition profile, Map<String, StructureDefinition> shipped, Map<String, ValueSet> valueSets) {
        CodeMatcher own = ownMatcherOf(profile, valueSets);
        StructureDefinition base = shipped.get(withoutVersion(profile.getBaseDefinition()));
        return own instanceof CodeMatcher.AnyCode && base != null ? matcherOf(base, shipped, valueSets) : own;
    }

    private static CodeMatcher ownMatcherOf(StructureDefinition profile, Map<String, ValueSet> valueSets) {
        String codePath = profile.getType() + ".code";
        for (ElementDefinition element : profile.getDifferential().getElement()) {
            if (!element.getPath().equals(codePath)) {
                continue;
            }
            Set<String> codings = new HashSet<>();
            Set<String> systems = new HashSet<>();
            if (element.getPattern() instanceof CodeableConcept pattern) {
                pattern.getCoding().forEach(c -> codings.add(CodeMatcher.Codes.key(c)));
            } else if (element.getPattern() instanceof Coding pattern) {
                codings.add(CodeMatcher.Codes.key(pattern));
            } else if (element.hasBinding() && element.getBinding().getStrength() == BindingStrength.REQUIRED) {
                collect(valueSets.get(withoutVersion(element.getBinding().getValueSet())), valueSets, codings, systems);
            }
            if (!codings.isEmpty() || !systems.isEmpty()) {
                return new CodeMatcher.Codes(Set.copyOf(codings), Set.copyOf(systems));
            }
        }
        return new CodeMatcher.AnyCode();
    }

    private static void collect(ValueSet valueSet, Map<String, ValueSet> valueSets, Set<String> codings, Set<String> systems) {
        if (valueSet == null) {
            return;
        }
        for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            if (include.hasConcept()) {
                include.getConcept().forEach(c -> codings.add(include.getSystem() + "|" + c.getCode()));
            } else if (include.hasSystem()) {
                systems.add(include.getSystem());
            }
            include.getValueSet().forEach(v -> collect(valueSets.get(withoutVersion(v.getValue())), valueSets, codings, systems));
        }
    }

    private static String withoutVersion(String canonical) {
        int bar = canonical == null ? -1 : canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }

    private record Selector(String resourceType, String profileUrl, CodeMatcher codes) {}
}
