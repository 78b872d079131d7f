package org.isotox.toxicity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.toxicity.domain.ToxicityRecord.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadiotherapyInterruptionTest {

    private static final Term ESOPHAGITIS = new Term("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C57797");
    private static final Term PNEUMONITIS = new Term("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C143767");
    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);

    @ParameterizedTest(name = "assessed {0} days after the last fraction -> attributable {1}")
    @CsvSource({"-1, false", "0, true", "3, true", "8, true", "9, false"})
    void breakWithoutAReasonCountsForToxicitiesAssessedDuringIt(int daysAfter, boolean attributable) {
        RadiotherapyInterruption pause = new RadiotherapyInterruption(MONDAY, MONDAY.plusDays(8), 8, Optional.empty());

        assertThat(pause.isAttributableTo(esophagitis(3, MONDAY.plusDays(daysAfter)), 7)).isEqualTo(attributable);
    }

    @Test
    void breakNamingItsReasonCountsOnlyForThatTerm() {
        RadiotherapyInterruption pause = new RadiotherapyInterruption(MONDAY, MONDAY.plusDays(7), 7, Optional.of(ESOPHAGITIS));

        assertThat(pause.isAttributableTo(esophagitis(3, MONDAY.plusDays(3)), 7)).isTrue();
        assertThat(pause.isAttributableTo(new ToxicityRecord(PNEUMONITIS, 3, 0, MONDAY.plusDays(3), "Observation/2"), 7)).isFalse();
    }

    /**
     * D3 of issue 23: a break naming esophagitis counts for an esophagitis grading dated from the study's
     * window (IHR: 7 days) before the break began to its end, not for one weeks later.
     */
    @ParameterizedTest(name = "graded {0} days after the break began (break of 10 days, window 7) -> attributable {1}")
    @CsvSource({"-8, false", "-7, true", "0, true", "10, true", "11, false", "40, false"})
    void breakNamingItsReasonCountsOnlyForGradingsDatedAroundIt(int daysAfterStart, boolean attributable) {
        RadiotherapyInterruption pause = new RadiotherapyInterruption(MONDAY, MONDAY.plusDays(10), 10, Optional.of(ESOPHAGITIS));

        assertThat(pause.isAttributableTo(esophagitis(3, MONDAY.plusDays(daysAfterStart)), 7)).isEqualTo(attributable);
    }

    @Test
    void attributionRaisesTheRecordsInterruptionToTheLongestBreakAroundIt() {
        List<RadiotherapyInterruption> breaks = List.of(
                new RadiotherapyInterruption(MONDAY, MONDAY.plusDays(4), 4, Optional.empty()),
                new RadiotherapyInterruption(MONDAY.plusDays(7), MONDAY.plusDays(14), 7, Optional.of(ESOPHAGITIS)),
                new RadiotherapyInterruption(MONDAY.plusDays(60), MONDAY.plusDays(72), 12, Optional.of(ESOPHAGITIS)));

        ToxicityRecord attributed = RadiotherapyInterruption.attribute(esophagitis(3, MONDAY.plusDays(2)), breaks, 7);

        assertThat(attributed.interruptionDays()).as("the break 5 days later counts, the one two months later does not").isEqualTo(7);
    }

    private static ToxicityRecord esophagitis(int grade, LocalDate date) {
        return new ToxicityRecord(ESOPHAGITIS, grade, 0, date, "Observation/1");
    }
}
