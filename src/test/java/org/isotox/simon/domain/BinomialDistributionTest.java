package org.isotox.simon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialDistributionTest {

    @Nested
    class ClosedForms {

        // Bin(10, 0.1): P(X <= 1) = 0.9^10 + 10 * 0.1 * 0.9^9 = 0.3486784401 + 0.387420489
        @Test
        void lowerTailOfTenTrials() {
            BinomialDistribution distribution = new BinomialDistribution(10, 0.1);
            assertThat(distribution.atMost(1)).isCloseTo(0.7360989291, within(1e-15));
            assertThat(distribution.moreThan(1)).isCloseTo(1 - 0.7360989291, within(1e-15));
        }

        // Bin(4, 0.5): point probabilities 1, 4, 6, 4, 1 over 16
        @ParameterizedTest
        @CsvSource({
            "-1, 0.0,    0.0,    1.0",
            " 0, 0.0625, 0.0625, 0.9375",
            " 2, 0.375,  0.6875, 0.3125",
            " 4, 0.0625, 1.0,    0.0",
            " 5, 0.0,    1.0,    0.0",
        })
        void pointsAndTailsOfFourFairCoins(int k, double point, double atMost, double moreThan) {
            BinomialDistribution distribution = new BinomialDistribution(4, 0.5);
            assertThat(distribution.probability(k)).isCloseTo(point, within(1e-15));
            assertThat(distribution.atMost(k)).isCloseTo(atMost, within(1e-15));
            assertThat(distribution.moreThan(k)).isCloseTo(moreThan, within(1e-15));
        }

        @Test
        void zeroTrialsIsCertainlyZero() {
            BinomialDistribution distribution = new BinomialDistribution(0, 0.3);
            assertThat(distribution.probability(0)).isEqualTo(1.0);
            assertThat(distribution.atMost(0)).isEqualTo(1.0);
            assertThat(distribution.moreThan(0)).isEqualTo(0.0);
            assertThat(distribution.moreThan(-1)).isEqualTo(1.0);
        }
    }

    @Nested
    class Stability {

        // P(X > 99 | 100, 0.1) = P(X = 100) = 0.1^100: would be lost as 1 - P(X <= 99)
        @Test
        void extremeUpperTailKeepsRelativePrecision() {
            assertThat(new BinomialDistribution(100, 0.1).moreThan(99)).isCloseTo(1e-100, withinPercentage(1e-9));
        }

        // 1000 trials: 0.5^1000 is about 9.3e-302, still representable; the direct product
        // C(1000, 500) overflows a double, the log-space computation does not. Log-factorials
        // near 5900 carry an absolute rounding error of about 1e-12, hence the relative check.
        // P(X = 500) = C(1000, 500) / 2^1000, evaluated in exact rational arithmetic.
        @Test
        void largeTrialCountsSumToOneWithoutOverflow() {
            BinomialDistribution distribution = new BinomialDistribution(1000, 0.5);
            assertThat(distribution.atMost(1000)).isEqualTo(1.0);
            assertThat(distribution.atMost(999) + distribution.probability(1000)).isCloseTo(1.0, within(1e-12));
            assertThat(distribution.probability(500)).isCloseTo(0.0252250181783608, withinPercentage(1e-8));
            assertThat(distribution.probability(0)).isCloseTo(Math.pow(0.5, 1000), withinPercentage(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0.5, 'trials must be >= 0, was -1'",
        "10, 0.0, 'success probability must lie in (0, 1), was 0.0'",
        "10, 1.0, 'success probability must lie in (0, 1), was 1.0'",
        "10, NaN, 'success probability must lie in (0, 1), was NaN'",
    })
    void rejectsInvalidArguments(int trials, double p, String message) {
        assertThatThrownBy(() -> new BinomialDistribution(trials, p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
