package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.fhir.DefinitionFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which trial profile a resource's type and code select, read from the shipped profiles themselves. */
class TrialProfilesTest {

    private static final String BASE = "https://isotox.org/fhir/StructureDefinition/";
    private static TrialProfiles profiles;

    @BeforeAll
    static void load() {
        profiles = new TrialProfiles(new DefinitionFiles(FhirContext.forR4Cached()));
    }

    @ParameterizedTest
    @CsvSource({
        "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl, C143767,   isotox-ctcae-toxicity",
        "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl, C57797,    isotox-ctcae-toxicity",
        "http://loinc.org,                                   89243-0,   isotox-karnofsky",
        "https://isotox.org/fhir/CodeSystem/isotox,          dvh,       isotox-dvh",
        "https://isotox.org/fhir/CodeSystem/dvh-metric,      Vx,        isotox-dvh-metric",
        "https://isotox.org/fhir/CodeSystem/eortc-qlq-scale, QL2,       isotox-qol-scale-score",
        "https://isotox.org/fhir/CodeSystem/isotox,          recist-timepoint-response, isotox-recist-timepoint-response",
        "https://isotox.org/fhir/CodeSystem/isotox,          recist-best-overall-response, isotox-recist-best-overall-response",
    })
    void observationCodeSelectsItsProfile(String system, String code, String profile) {
        Observation observation = new Observation();
        observation.getCode().addCoding(new Coding(system, code, null));

        assertThat(profiles.selectedFor(observation, Optional.of(observation.getCode()))).containsExactly(BASE + profile);
    }

    @ParameterizedTest
    @CsvSource({"http://loinc.org, 8310-5", "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl, C41340"})
    void otherObservationsSelectNoProfile(String system, String code) {
        CodeableConcept other = new CodeableConcept().addCoding(new Coding(system, code, null));

        assertThat(profiles.selectedFor(new Observation(), Optional.of(other))).isEmpty();
    }

    @Test
    void everyResearchSubjectSelectsTheSubjectProfile() {
        assertThat(profiles.selectedFor(new ResearchSubject(), Optional.empty()))
                .containsExactly(BASE + "isotox-research-subject");
    }

    @Test
    void everyAdverseEventSelectsTheAdverseEventProfile() {
        assertThat(profiles.selectedFor(new AdverseEvent(), Optional.empty()))
                .containsExactly(BASE + "isotox-adverse-event");
    }

    @Test
    void declaredForeignProfilesAreNotTrialProfiles() {
        Observation observation = new Observation();
        observation.getMeta().addProfile("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-karnofsky-performance-status");
        observation.getMeta().addProfile(BASE + "isotox-karnofsky|0.1.0");

        assertThat(profiles.declaredBy(observation)).containsExactly(BASE + "isotox-karnofsky");
    }
}
