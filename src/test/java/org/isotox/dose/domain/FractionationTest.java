package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Linear-quadratic model: BED = n·d·(1 + d/(α/β)) (Fowler JF, "The linear-quadratic formula
 * and progress in fractionated radiotherapy", Br J Radiol 1989;62:679-694) and
 * EQD2 = BED / (1 + 2/(α/β)) (Withers HR, Thames HD, Peters LJ, "A new isoeffect curve for
 * change in dose per fraction", Radiother Oncol 1983;1:187-191).
 */
class FractionationTest {

    private static final double EXACT = 1e-12;

    @Nested
    class LinearQuadratic {

        @ParameterizedTest(name = "{0} x {1} Gy at alpha/beta {2}: BED {3}, EQD2 {4}")
        @CsvSource({
                // 60 Gy / 20 x 3 Gy, α/β 10: 60·(1 + 3/10) = 78; 78 / (1 + 2/10) = 65
                "20, 3,    10, 78,     65",
                // α/β 3: 60·(1 + 3/3) = 120; 120 / (1 + 2/3) = 72
                "20, 3,     3, 120,    72",
                // 60 Gy / 30 x 2 Gy, the conventional reference: BED10 72 Gy, BED3 100 Gy,
                // and EQD2 equals the physical dose at 2 Gy per fraction for any α/β
                "30, 2,    10, 72,     60",
                "30, 2,     3, 100,    60",
                // IHR minimum 45 Gy / 15 x 3 Gy: 45·1.3 = 58.5; 58.5/1.2 = 48.75
                "15, 3,    10, 58.5,   48.75",
                // IHR maximum 72 Gy / 24 x 3 Gy: 72·1.3 = 93.6; 93.6/1.2 = 78
                "24, 3,    10, 93.6,   78",
                // 72 Gy at α/β 3: 72·2 = 144; 144/(5/3) = 86.4
                "24, 3,     3, 144,    86.4",
                // 55 Gy / 20 x 2.75 Gy (Din et al. 2013), α/β 10: 55·1.275 = 70.125; /1.2 = 58.4375
                "20, 2.75, 10, 70.125, 58.4375",
                // α/β 2 (a ratio that is not a whole number works too): 45·(1+1.5) = 112.5; /2 = 56.25
                "15, 3,     2, 112.5,  56.25",
                // α/β 1.5: 45·(1 + 3/1.5) = 135; 135 / (1 + 2/1.5) = 405/7
                "15, 3,   1.5, 135,    57.857142857142857"})
        void bedAndEqd2(int fractions, double fractionDose, double alphaBeta, double bed, double eqd2) {
            Fractionation fractionation = new Fractionation(fractions, fractionDose);

            assertThat(fractionation.biologicallyEffectiveDoseGy(alphaBeta)).isCloseTo(bed, within(EXACT));
            assertThat(fractionation.equivalentDoseIn2GyFractionsGy(alphaBeta))
                    .isCloseTo(eqd2, within(EXACT));
            assertThat(fractionation.biologicalDose(alphaBeta))
                    .satisfies(dose -> {
                        assertThat(dose.alphaBetaGy()).isEqualTo(alphaBeta);
                        assertThat(dose.bedGy()).isCloseTo(bed, within(EXACT));
                        assertThat(dose.eqd2Gy()).isCloseTo(eqd2, within(EXACT));
                    });
        }

        @ParameterizedTest(name = "alpha/beta {0} is rejected")
        @CsvSource({"0", "-3", "NaN", "Infinity"})
        void rejectsAnAlphaBetaThatIsNotPositive(double alphaBeta) {
            Fractionation fractionation = new Fractionation(20, 3);

            assertThatThrownBy(() -> fractionation.biologicallyEffectiveDoseGy(alphaBeta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("alpha/beta");
            assertThatThrownBy(() -> fractionation.equivalentDoseIn2GyFractionsGy(alphaBeta))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Course {

        @Test
        void totalDoseIsFractionsTimesFractionDose() {
            assertThat(new Fractionation(23, 3).totalDoseGy()).isEqualTo(69.0);
            assertThat(new Fractionation(26, 2.75).totalDoseGy()).isEqualTo(71.5);
        }

        @ParameterizedTest(name = "{0} x {1} Gy is rejected")
        @CsvSource({"0, 3", "-1, 3", "20, 0", "20, -3", "20, NaN"})
        void rejectsAnEmptyCourseOrANonPositiveFractionDose(int fractions, double fractionDose) {
            assertThatThrownBy(() -> new Fractionation(fractions, fractionDose))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
