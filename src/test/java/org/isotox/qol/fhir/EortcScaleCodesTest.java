package org.isotox.qol.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.isotox.fhir.DefinitionFiles;
import org.isotox.qol.domain.EortcInstruments;
import org.isotox.qol.domain.InstrumentDefinition;
import org.isotox.qol.domain.ScaleDefinition;
import org.isotox.qol.domain.StandInItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every code a score Observation may carry is defined in the shipped CodeSystem and bound by the profile's ValueSet. */
class EortcScaleCodesTest {

    private static CodeSystem codeSystem;
    private static ValueSet valueSet;

    @BeforeAll
    static void load() {
        List<Resource> terminology = new DefinitionFiles(FhirContext.forR4Cached()).terminology();
        codeSystem = terminology.stream().filter(r -> r instanceof CodeSystem c && ScaleScoreObservations.SCALE_SYSTEM.equals(c.getUrl()))
                .map(CodeSystem.class::cast).findFirst().orElseThrow();
        valueSet = terminology.stream().filter(r -> r instanceof ValueSet v && v.getUrl().endsWith("/ValueSet/eortc-qlq-scales"))
                .map(ValueSet.class::cast).findFirst().orElseThrow();
    }

    @Test
    void theCodeSystemAndTheValueSetHoldEveryReportedCode() {
        List<String> reported = EortcInstruments.all().stream().flatMap(i -> i.codes().stream()).toList();

        assertThat(codeSystem.getConcept()).extracting(ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(reported);
        assertThat(codeSystem.getCount()).isEqualTo(reported.size());
        assertThat(valueSet.getCompose().getIncludeFirstRep().getConcept())
                .extracting(ValueSet.ConceptReferenceComponent::getCode).containsExactlyElementsOf(reported);
    }

    @Test
    void aStandInItemsConceptNamesItsItemAndTheScaleItStandsInFor() {
        for (InstrumentDefinition instrument : EortcInstruments.all()) {
            for (ScaleDefinition scale : instrument.scales()) {
                for (StandInItem standIn : scale.standIns()) {
                    ConceptDefinitionComponent concept = codeSystem.getConcept().stream()
                            .filter(c -> c.getCode().equals(standIn.code())).findFirst().orElseThrow();
                    assertThat(property(concept, "stands-in-for")).containsExactly(standIn.scale());
                    assertThat(property(concept, "item")).containsExactly(Integer.toString(standIn.item()));
                }
            }
        }
    }

    private static List<String> property(ConceptDefinitionComponent concept, String code) {
        return concept.getProperty().stream().filter(p -> p.getCode().equals(code))
                .map(p -> p.getValue().primitiveValue()).toList();
    }
}
