package org.isotox.simon.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.DefinitionFiles;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.toxicity.domain.SevereToxicityCriterion;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.isotox.toxicity.domain.ToxicityRecord.Term;
import org.junit.jupiter.api.Test;

/** The IHR rules as read from the shipped study definition, not from Java constants. */
class StudyProtocolReaderTest {

    private static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    @Test
    void ihrDefinitionGivesTheProtocolsDesignAndSevereToxicityRule() {
        StudyProtocol protocol = new StudyProtocolReader().read(ihrStudy()).orElseThrow();

        // n1 = 12, stop at 4 severe -> r1 = 8; n = 30, acceptable with at most 4 severe -> r = 25
        assertThat(protocol.design()).isEqualTo(new SimonDesign(8, 12, 25, 30));
        assertThat(protocol.assumptions()).isEqualTo(new StudyProtocol.DesignAssumptions(0.75, 0.90, 0.125, 0.85));
        assertThat(protocol.evaluationWindowDays()).isEqualTo(90);
        assertThat(protocol.interruptionAttributionDays()).as("a break counts for gradings from a week before it began").isEqualTo(7);
        assertThat(protocol.severeToxicity().criteria()).containsExactly(
                new SevereToxicityCriterion(new Term(NCIT, "C143767"), 3, OptionalInt.empty()),
                new SevereToxicityCriterion(new Term(NCIT, "C57797"), 4, OptionalInt.empty()),
                new SevereToxicityCriterion(new Term(NCIT, "C57797"), 3, OptionalInt.of(7)));
        assertThat(protocol.severeToxicity().isSevere(
                        new ToxicityRecord(new Term(NCIT, "C57797"), 3, 7, LocalDate.of(2026, 3, 1), "Observation/1")))
                .isTrue();
    }

    @Test
    void studyWithoutASimonDesignIsNotATrialStudy() {
        assertThat(new StudyProtocolReader().read(new ResearchStudy())).isEmpty();
    }

    @Test
    void auditOfTheIhrDesignShowsItCannotHoldAlphaAndPowerTogether() {
        StudyProtocol protocol = new StudyProtocolReader().read(ihrStudy()).orElseThrow();
        StudyProtocol.DesignAssumptions stated = protocol.assumptions();

        assertThat(protocol.audit().meets(stated.alpha(), 1 - stated.power())).isFalse();
    }

    private static ResearchStudy ihrStudy() {
        Bundle bundle = new DefinitionFiles(FhirContext.forR4Cached()).studies().get(0);
        ResearchStudy study = (ResearchStudy) bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof ResearchStudy)
                .findFirst()
                .orElseThrow()
                .getResource();
        study.setId("ResearchStudy/ihr");
        study.getMeta().setVersionId("1");
        return study;
    }
}
