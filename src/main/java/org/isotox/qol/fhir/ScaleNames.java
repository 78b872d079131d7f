package org.isotox.qol.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.isotox.fhir.DefinitionFiles;
import org.springframework.stereotype.Component;

/**
 * The names of the EORTC scales (the displays of CodeSystem eortc-qlq-scale, shipped in {@code terminology/}): what a
 * scale score Observation shows its reader, a patient among them, who may not read CodeSystems.
 */
@Component
class ScaleNames {

    private final Map<String, String> byCode = new HashMap<>();

    ScaleNames(DefinitionFiles files) {
        files.terminology().stream()
                .filter(CodeSystem.class::isInstance)
                .map(CodeSystem.class::cast)
                .filter(system -> ScaleScoreObservations.SCALE_SYSTEM.equals(system.getUrl()))
                .forEach(system -> collect(system.getConcept()));
    }

    Optional<String> of(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    private void collect(List<ConceptDefinitionComponent> concepts) {
        for (ConceptDefinitionComponent concept : concepts) {
            if (concept.hasDisplay()) {
                byCode.put(concept.getCode(), concept.getDisplay());
            }
            collect(concept.getConcept());
        }
    }
}
