package org.isotox.simon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SimonDesignTest {

    private static final double EXACT = 1e-13;

    @Nested
    class Validation {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "1 |  0 | 5 | 29 | n1 must be >= 1, was 0",
            "1 | 10 | 5 | 10 | n must be greater than n1 = 10, was 10",
            "-1| 10 | 5 | 29 | r1 must lie in 0..9 (n1 = 10), was -1",
            "10| 10 | 12| 29 | r1 must lie in 0..9 (n1 = 10), was 10",
            "1 | 10 | 0 | 29 | r must lie in 1..28 (r1 = 1, n = 29), was 0",
            "1 | 10 | 29| 29 | r must lie in 1..28 (r1 = 1, n = 29), was 29",
        })
        void rejectsInconsistentBoundaries(int r1, int n1, int r, int n, String message) {
            assertThatThrownBy(() -> new SimonDesign(r1, n1, r, n))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @ParameterizedTest
        @CsvSource({"0.0", "1.0", "-0.1", "1.5", "NaN"})
        void rejectsResponseProbabilityOutsideOpenUnitInterval(double p) {
            SimonDesign design = new SimonDesign(1, 10, 5, 29);
            assertThatThrownBy(() -> design.operatingCharacteristics(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("p must lie strictly between 0 and 1, was " + p);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0.30 | 0.30 | p0 must be less than p1, was p0 = 0.3, p1 = 0.3",
            "0.40 | 0.30 | p0 must be less than p1, was p0 = 0.4, p1 = 0.3",
            "0.0  | 0.30 | p0 must lie strictly between 0 and 1, was 0.0",
            "0.10 | 1.0  | p1 must lie strictly between 0 and 1, was 1.0",
        })
        void auditRejectsBadHypotheses(double p0, double p1, String message) {
            assertThatThrownBy(() -> new SimonDesign(1, 10, 5, 29).audit(p0, p1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0.0  | 0.2 | alpha must lie strictly between 0 and 1, was 0.0",
            "0.05 | 1.0 | beta must lie strictly between 0 and 1, was 1.0",
        })
        void meetsRejectsBadLimits(double alpha, double beta, String message) {
            DesignAudit audit = new SimonDesign(1, 10, 5, 29).audit(0.1, 0.3);
            assertThatThrownBy(() -> audit.meets(alpha, beta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
    }

    @Nested
    class OperatingCharacteristicsOfPublishedDesign {

        // Simon (1989), Table 1, p0 = 0.10, p1 = 0.30, alpha = 0.05, beta = 0.20, optimal:
        // r1/n1 = 1/10, r/n = 5/29, EN(p0) = 15.0, PET(p0) = 0.74.
        private final SimonDesign design = new SimonDesign(1, 10, 5, 29);

        @Test
        void earlyTerminationMatchesClosedForm() {
            // PET(0.1) = 0.9^10 + 10 * 0.1 * 0.9^9
            assertThat(design.operatingCharacteristics(0.10).probEarlyTermination())
                    .isCloseTo(0.7360989291, within(EXACT));
        }

        @Test
        void auditReproducesPublishedRoundedValues() {
            DesignAudit audit = design.audit(0.10, 0.30);
            assertThat(rounded(audit.expectedSampleSize(), 1)).isEqualByComparingTo("15.0");
            assertThat(rounded(audit.probEarlyTermination(), 2)).isEqualByComparingTo("0.74");
            assertThat(audit.expectedSampleSize()).isCloseTo(10 + (1 - 0.7360989291) * 19, within(EXACT));
            assertThat(audit.meets(0.05, 0.20)).isTrue();
            assertThat(audit.alpha()).isCloseTo(ExactTwoStage.rejection(design, "0.10"), within(EXACT));
            assertThat(audit.power()).isCloseTo(ExactTwoStage.rejection(design, "0.30"), within(EXACT));
        }

        @Test
        void auditUsesNullHypothesisForPetAndExpectedSampleSize() {
            DesignAudit audit = design.audit(0.10, 0.30);
            OperatingCharacteristics underNull = design.operatingCharacteristics(0.10);
            assertThat(audit.probEarlyTermination()).isEqualTo(underNull.probEarlyTermination());
            assertThat(audit.expectedSampleSize()).isEqualTo(underNull.expectedSampleSize());
            assertThat(audit.alpha()).isEqualTo(underNull.probRejectNull());
            assertThat(audit.power()).isEqualTo(design.operatingCharacteristics(0.30).probRejectNull());
        }
    }

    /** Every operating characteristic against exact decimal enumeration of all outcomes. */
    @ParameterizedTest
    @CsvSource({
        // r1, n1, r, n, p
        "1, 10, 5, 29, 0.10",
        "1, 10, 5, 29, 0.30",
        "0, 12, 2, 16, 0.05",
        "4, 19, 15, 54, 0.40",
        "8, 12, 24, 30, 0.75",
        "8, 12, 25, 30, 0.90",
        "27, 77, 33, 88, 0.45",
    })
    void operatingCharacteristicsAgreeWithExactEnumeration(int r1, int n1, int r, int n, String p) {
        SimonDesign design = new SimonDesign(r1, n1, r, n);
        OperatingCharacteristics characteristics = design.operatingCharacteristics(Double.parseDouble(p));
        double pet = ExactTwoStage.earlyTermination(design, p);
        assertThat(characteristics.probEarlyTermination()).isCloseTo(pet, within(EXACT));
        assertThat(characteristics.probRejectNull()).isCloseTo(ExactTwoStage.rejection(design, p), within(EXACT));
        assertThat(characteristics.expectedSampleSize()).isCloseTo(n1 + (1 - pet) * (n - n1), within(1e-11));
    }

    /**
     * The IHR trial's design in Simon's terms (response = free of severe toxicity): 8/12 -> 30,
     * audited at p0 = 0.75, p1 = 0.90 against the protocol's alpha 0.125 and power 0.85
     * (ARCHITECTURE.md, "Domain rules"). The final boundary r is a study parameter.
     */
    @Nested
    class IhrDesign {

        private static final double P0 = 0.75;
        private static final double P1 = 0.90;
        private static final double ALPHA = 0.125;
        private static final double BETA = 0.15;

        static IntStream everyFinalBoundary() {
            return IntStream.rangeClosed(8, 29);
        }

        @ParameterizedTest
        @MethodSource("everyFinalBoundary")
        void auditAgreesWithExactEnumeration(int r) {
            SimonDesign design = new SimonDesign(8, 12, r, 30);
            DesignAudit audit = design.audit(P0, P1);
            assertThat(audit.alpha()).isCloseTo(ExactTwoStage.rejection(design, "0.75"), within(EXACT));
            assertThat(audit.power()).isCloseTo(ExactTwoStage.rejection(design, "0.90"), within(EXACT));
            assertThat(audit.probEarlyTermination()).isCloseTo(ExactTwoStage.earlyTermination(design, "0.75"), within(EXACT));
        }

        @ParameterizedTest
        @MethodSource("everyFinalBoundary")
        void noFinalBoundaryMeetsAlphaAndPowerTogether(int r) {
            assertThat(new SimonDesign(8, 12, r, 30).audit(P0, P1).meets(ALPHA, BETA)).isFalse();
        }

        // The two boundaries that bracket the limits: r = 24 has the power but too much alpha,
        // r = 25 has the alpha but too little power. Values: exact enumeration, 4 decimals.
        @ParameterizedTest
        @CsvSource({
            // r, alpha, power, alpha within 0.125, power at least 0.85
            "24, 0.1944, 0.9166, false, true",
            "25, 0.0968, 0.8213, true, false",
        })
        void bracketingBoundariesEachFailOneLimit(int r, String alpha, String power,
                                                  boolean alphaMet, boolean powerMet) {
            DesignAudit audit = new SimonDesign(8, 12, r, 30).audit(P0, P1);
            assertThat(rounded(audit.alpha(), 4)).isEqualByComparingTo(alpha);
            assertThat(rounded(audit.power(), 4)).isEqualByComparingTo(power);
            assertThat(audit.alpha() <= ALPHA).isEqualTo(alphaMet);
            assertThat(audit.power() >= 1 - BETA).isEqualTo(powerMet);
        }

        @Test
        void earlyTerminationAndExpectedSizeDoNotDependOnFinalBoundary() {
            DesignAudit low = new SimonDesign(8, 12, 8, 30).audit(P0, P1);
            DesignAudit high = new SimonDesign(8, 12, 29, 30).audit(P0, P1);
            assertThat(low.probEarlyTermination()).isEqualTo(high.probEarlyTermination());
            assertThat(low.expectedSampleSize()).isEqualTo(high.expectedSampleSize());
            // PET(0.75) = P(X1 <= 8 | 12, 0.75)
            assertThat(rounded(low.probEarlyTermination(), 4)).isEqualByComparingTo("0.3512");
        }
    }

    static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
