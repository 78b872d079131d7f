package org.isotox.toxicity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.isotox.toxicity.domain.ToxicityRecord.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SevereToxicityRuleTest {

    private static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
    private static final Term PNEUMONITIS = new Term(NCIT, "C143767");
    private static final Term ESOPHAGITIS = new Term(NCIT, "C57797");
    private static final Term DYSPHAGIA = new Term(NCIT, "C57795");

    /** The IHR protocol's primary endpoint ("Primary objective"). */
    private static final SevereToxicityRule IHR = new SevereToxicityRule(List.of(
            new SevereToxicityCriterion(PNEUMONITIS, 3, OptionalInt.empty()),
            new SevereToxicityCriterion(ESOPHAGITIS, 4, OptionalInt.empty()),
            new SevereToxicityCriterion(ESOPHAGITIS, 3, OptionalInt.of(7))));

    @ParameterizedTest(name = "{0} grade {1}, RT interrupted {2} days -> severe {3}")
    @CsvSource({
        "C143767, 2, 0,  false",
        "C143767, 3, 0,  true",
        "C143767, 5, 0,  true",
        "C57797,  3, 0,  false",
        "C57797,  3, 6,  false",
        "C57797,  3, 7,  true",
        "C57797,  2, 14, false",
        "C57797,  4, 0,  true",
        "C57795,  4, 10, false",
    })
    void ihrDefinitionAtItsBoundaries(String term, int grade, int interruptionDays, boolean severe) {
        ToxicityRecord record = new ToxicityRecord(
                new Term(NCIT, term), grade, interruptionDays, LocalDate.of(2026, 3, 1), "Observation/1");

        assertThat(IHR.isSevere(record)).isEqualTo(severe);
    }

    @Test
    void firstSevereIsTheEarliestSevereRecord() {
        ToxicityRecord mild = new ToxicityRecord(PNEUMONITIS, 2, 0, LocalDate.of(2026, 1, 10), "Observation/1");
        ToxicityRecord later = new ToxicityRecord(PNEUMONITIS, 3, 0, LocalDate.of(2026, 3, 10), "Observation/2");
        ToxicityRecord earlier = new ToxicityRecord(ESOPHAGITIS, 4, 0, LocalDate.of(2026, 2, 10), "Observation/3");

        assertThat(IHR.firstSevere(List.of(mild, later, earlier))).contains(earlier);
        assertThat(IHR.firstSevere(List.of(mild))).isEmpty();
    }

    @Test
    void lowestCountedGradeAndTermsComeFromTheCriteria() {
        assertThat(IHR.lowestCountedGrade()).isEqualTo(3);
        assertThat(IHR.terms()).containsExactly(PNEUMONITIS, ESOPHAGITIS);
    }

    @Test
    void recordsAndRulesRejectImpossibleValues() {
        assertThatThrownBy(() -> new ToxicityRecord(PNEUMONITIS, 6, 0, LocalDate.now(), "x"))
                .hasMessageContaining("0 to 5, was 6");
        assertThatThrownBy(() -> new ToxicityRecord(PNEUMONITIS, 2, -1, LocalDate.now(), "x"))
                .hasMessageContaining("was -1");
        assertThatThrownBy(() -> new SevereToxicityRule(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new SevereToxicityCriterion(PNEUMONITIS, 0, OptionalInt.empty()))
                .hasMessageContaining("1 to 5, was 0");
    }
}
