package org.isotox.simon.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.CourseEndRule;
import org.isotox.fhir.DefinitionFiles;
import org.isotox.simon.domain.SevereToxicityCounting;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.toxicity.domain.SevereToxicityCriterion;
import org.isotox.toxicity.domain.ToxicityRecord.Term;
import org.isotox.toxicity.domain.ToxicityRecord;
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
    void ihrDefinitionReadsThePatientCountAndEndsACourseAfterTwentyEightDaysWithoutAFraction() {
        StudyProtocol protocol = new StudyProtocolReader().read(ihrStudy()).orElseThrow();

        assertThat(protocol.counting()).isEqualTo(SevereToxicityCounting.PER_PATIENT);
        assertThat(protocol.courseEnd()).isEqualTo(CourseEndRule.afterDaysWithoutFraction(28));
    }

    /** Item 8 of issue 23: "more than 1 week" (> 1 wk) asks for 8 days between fractions; "7 days or more" (>= 7 d), 7. */
    @Test
    void moreThanOneWeekIsAnInterruptionOfEightDaysOrMore() {
        ResearchStudy study = ihrStudy();
        Duration interruption = study.getExtensionsByUrl(StudyProtocolReader.SEVERE_TOXICITY).stream()
                .map(e -> e.getExtensionByUrl("minimumRadiotherapyInterruption"))
                .filter(java.util.Objects::nonNull)
                .map(e -> (Duration) e.getValue())
                .findFirst()
                .orElseThrow();
        interruption.setValue(1).setCode("wk").setUnit("wk").setComparator(Quantity.QuantityComparator.GREATER_THAN);
        study.getMeta().setVersionId("more-than-a-week");

        StudyProtocol protocol = new StudyProtocolReader().read(study).orElseThrow();

        assertThat(protocol.severeToxicity().criteria())
                .contains(new SevereToxicityCriterion(new Term(NCIT, "C57797"), 3, OptionalInt.of(8)));
        assertThat(protocol.severeToxicity().isSevere(esophagitisG3WithInterruption(7))).isFalse();
        assertThat(protocol.severeToxicity().isSevere(esophagitisG3WithInterruption(8))).isTrue();
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

    private static ToxicityRecord esophagitisG3WithInterruption(int days) {
        return new ToxicityRecord(new Term(NCIT, "C57797"), 3, days, LocalDate.of(2026, 3, 1), "Observation/1");
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
