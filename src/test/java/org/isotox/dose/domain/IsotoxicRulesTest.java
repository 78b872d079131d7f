package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsotoxicRulesTest {

    @Test
    void ihrCandidatesAreFifteenToTwentyFourFractionsOfThreeGray() {
        // IHR: 3 Gy per fraction from 45 Gy (15 fractions) to 72 Gy (24 fractions).
        List<Fractionation> candidates = IhrExamples.ihrRules().candidates();

        assertThat(candidates).extracting(Fractionation::fractions)
                .containsExactly(15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(candidates).extracting(Fractionation::totalDoseGy)
                .containsExactly(45.0, 48.0, 51.0, 54.0, 57.0, 60.0, 63.0, 66.0, 69.0, 72.0);
    }

    @ParameterizedTest(name = "{0} Gy per fraction, {1}..{2} Gy: {3}..{4} fractions")
    @CsvSource({
            // 45 / 2.75 = 16.4 -> 17 (46.75 Gy); 72 / 2.75 = 26.2 -> 26 (71.5 Gy)
            "2.75, 45, 72, 17, 26",
            // MAASTRO-like 1.8 Gy: 45 / 1.8 = 25 exactly; 79.2 / 1.8 = 44 exactly
            "1.8,  45, 79.2, 25, 44",
            // a single candidate
            "3,    60, 60, 20, 20",
            "3,    59, 61, 20, 20"})
    void candidatesAreTheWholeFractionsWithinTheRange(
            double fractionDose, double minimum, double maximum, int fewest, int most) {
        IsotoxicRules rules = new IsotoxicRules(fractionDose, minimum, maximum, List.of(), 10, 3);

        List<Fractionation> candidates = rules.candidates();

        assertThat(candidates.get(0).fractions()).isEqualTo(fewest);
        assertThat(candidates.get(candidates.size() - 1).fractions()).isEqualTo(most);
        assertThat(candidates).hasSize(most - fewest + 1);
    }

    @Test
    void structuresAreListedOnceInConstraintOrder() {
        assertThat(IhrExamples.ihrRules().structures())
                .containsExactly("SpinalCord", "Lungs-GTV", "Esophagus");
    }

    @Test
    void rejectsAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new IsotoxicRules(3, 72, 45, List.of(), 10, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum total dose 45.0 Gy");
    }

    @Test
    void rejectsARangeWithoutAWholeFraction() {
        assertThatThrownBy(() -> new IsotoxicRules(5, 46, 49, List.of(), 10, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no whole number of 5.0 Gy fractions");
    }

    @ParameterizedTest(name = "fraction {0}, min {1}, max {2}, alpha/beta {3}/{4} is rejected")
    @CsvSource({"0, 45, 72, 10, 3", "3, 0, 72, 10, 3", "3, 45, NaN, 10, 3", "3, 45, 72, 0, 3",
            "3, 45, 72, 10, -3"})
    void rejectsNonPositiveNumbers(
            double fractionDose, double minimum, double maximum, double tumour, double late) {
        assertThatThrownBy(() -> new IsotoxicRules(fractionDose, minimum, maximum, List.of(), tumour, late))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTwoConstraintsWithOneName() {
        List<DoseConstraint> twice = List.of(
                DoseConstraint.of("SpinalCord", DoseMetric.maxDose(), 45),
                DoseConstraint.of("SpinalCord", DoseMetric.maxDose(), 50));

        assertThatThrownBy(() -> new IsotoxicRules(3, 45, 72, twice, 10, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SpinalCord Dmax");
    }
}
