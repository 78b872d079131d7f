package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoseConstraintTest {

    private static final double EXACT = 1e-12;

    @Nested
    class Naming {

        @Test
        void theIhrConstraintsCarryTheContractNames() {
            // ARCHITECTURE.md, "DVH input": the constraint.name strings of the IHR rules.
            assertThat(IhrExamples.ihrConstraints()).extracting(DoseConstraint::name).containsExactly(
                    "SpinalCord Dmax",
                    "SpinalCord Dmax per fraction",
                    "Lungs-GTV V20",
                    "Lungs-GTV V5",
                    "Lungs-GTV Dmean",
                    "Esophagus Dmax");
        }

        @ParameterizedTest(name = "V{0} Gy is labelled {1}")
        @CsvSource({"20, V20", "5, V5", "20.0, V20", "2.5, V2.5", "0.5, V0.5", "100, V100"})
        void volumeMetricsAreLabelledWithThePlainDose(double doseGy, String label) {
            assertThat(DoseMetric.volumeAtLeast(doseGy).label()).isEqualTo(label);
        }

        @Test
        void otherStudiesDeriveTheirNamesTheSameWay() {
            assertThat(DoseConstraint.nameFor("Heart", DoseMetric.volumeAtLeast(50)))
                    .isEqualTo("Heart V50");
            assertThat(DoseConstraint.of("BrachialPlex_L", DoseMetric.maxDose(), 66).name())
                    .isEqualTo("BrachialPlex_L Dmax");
            assertThat(DoseConstraint.of("Heart", DoseMetric.meanDose(), 20).name())
                    .isEqualTo("Heart Dmean");
        }

        @Test
        void metricsReportTheirUnit() {
            assertThat(DoseMetric.volumeAtLeast(20).unit()).isEqualTo(MetricUnit.PERCENT);
            assertThat(DoseMetric.maxDose().unit().ucumCode()).isEqualTo("Gy");
            assertThat(DoseMetric.maxDosePerFraction().unit()).isEqualTo(MetricUnit.GRAY);
            assertThat(MetricUnit.PERCENT.ucumCode()).isEqualTo("%");
        }
    }

    @Nested
    class LimitBoundary {

        /**
         * A lung DVH whose V20 at the reference dose is {@code v20}; read at T = T_ref = 60 Gy
         * (20 fractions of 3 Gy) V20 is exactly that point's volume.
         */
        private ConstraintResult v20At60Gy(double v20) {
            CumulativeDvh lungs = CumulativeDvh.of(IhrExamples.LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(20, v20), new DvhPoint(60, 0)));
            ReferencePlan plan = ReferencePlan.of(60, List.of(lungs));
            return DoseConstraint.of(IhrExamples.LUNGS, DoseMetric.volumeAtLeast(20), 30)
                    .evaluate(plan, new Fractionation(20, 3));
        }

        @ParameterizedTest(name = "V20 {0} % against 30 %: met {1}")
        @CsvSource({"29.99, true", "30, true", "30.01, false", "30.000001, false"})
        void v20OfThirtyPercentIsMetAndAnythingAboveIsBroken(double v20, boolean met) {
            ConstraintResult result = v20At60Gy(v20);

            assertThat(result.met()).isEqualTo(met);
            assertThat(result.value()).isEqualTo(v20);
            assertThat(result.margin()).isCloseTo(30 - v20, within(EXACT));
            assertThat(result.name()).isEqualTo("Lungs-GTV V20");
            assertThat(result.limit()).isEqualTo(30.0);
            assertThat(result.unit()).isEqualTo(MetricUnit.PERCENT);
        }

        @ParameterizedTest(name = "cord Dmax {0} Gy at 60 Gy, read at 72 Gy, against 45 Gy: met {1}")
        @CsvSource({
                // 37.5 · 72 / 60 = 45 exactly
                "37.5,  true",
                // 37.51 · 72 / 60 = 45.012
                "37.51, false"})
        void aScaledMaximumDoseOnTheLimitIsMet(double cordMaxAt60Gy, boolean met) {
            ReferencePlan plan = ReferencePlan.of(60,
                    List.of(IhrExamples.linearFalloff(IhrExamples.CORD, cordMaxAt60Gy)));

            ConstraintResult result = DoseConstraint.of(IhrExamples.CORD, DoseMetric.maxDose(), 45)
                    .evaluate(plan, new Fractionation(24, 3));

            assertThat(result.met()).isEqualTo(met);
            assertThat(result.value()).isCloseTo(cordMaxAt60Gy * 1.2, within(EXACT));
        }
    }

    @Nested
    class MetricValues {

        private final ReferencePlan plan = IhrExamples.realisticPlanAt60Gy();
        private final Fractionation at72Gy = new Fractionation(24, 3);

        @Test
        void doseMetricsScaleLinearlyWithTheTotalDose() {
            // Dmax 36 · 72/60 = 43.2; per fraction 43.2 / 24 = 1.8; Dmean 13.76 · 1.2 = 16.512.
            assertThat(DoseMetric.maxDose().valueAt(plan, IhrExamples.CORD, at72Gy))
                    .isCloseTo(43.2, within(EXACT));
            assertThat(DoseMetric.maxDosePerFraction().valueAt(plan, IhrExamples.CORD, at72Gy))
                    .isCloseTo(1.8, within(EXACT));
            assertThat(DoseMetric.meanDose().valueAt(plan, IhrExamples.LUNGS, at72Gy))
                    .isCloseTo(16.512, within(EXACT));
        }

        @Test
        void volumeMetricsReadTheReferenceCurveAtTheScaledBackDose() {
            // V20(72) = V_ref(20 · 60/72 = 50/3 Gy), between (10,38) and (20,24):
            // 38 - 1.4 · (50/3 - 10) = 38 - 28/3 = 86/3 %.
            assertThat(DoseMetric.volumeAtLeast(20).valueAt(plan, IhrExamples.LUNGS, at72Gy))
                    .isCloseTo(86.0 / 3.0, within(EXACT));
            // V5(72) = V_ref(25/6 Gy), between (0,100) and (5,55): 100 - 9 · 25/6 = 62.5 %.
            assertThat(DoseMetric.volumeAtLeast(5).valueAt(plan, IhrExamples.LUNGS, at72Gy))
                    .isCloseTo(62.5, within(EXACT));
        }

        @Test
        void dmaxPerFractionDoesNotDependOnTheTotalDoseAtAFixedFractionSize() {
            // Dmax(T)/n = Dmax_ref · (n·d) / T_ref / n = Dmax_ref · d / T_ref = 36 · 3 / 60.
            for (int fractions = 15; fractions <= 24; fractions++) {
                assertThat(DoseMetric.maxDosePerFraction()
                        .valueAt(plan, IhrExamples.CORD, new Fractionation(fractions, 3)))
                        .isCloseTo(1.8, within(EXACT));
            }
        }

        @Test
        void aMissingStructureIsNamed() {
            assertThatThrownBy(() -> DoseMetric.maxDose().valueAt(plan, "Heart", at72Gy))
                    .isInstanceOf(MissingDvhException.class)
                    .hasMessageContaining("Heart");
        }
    }

    @Nested
    class Rejection {

        @ParameterizedTest(name = "limit {0} is rejected")
        @CsvSource({"-1", "NaN", "Infinity"})
        void rejectsABadLimit(double limit) {
            assertThatThrownBy(() -> DoseConstraint.of("SpinalCord", DoseMetric.maxDose(), limit))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SpinalCord Dmax");
        }

        @ParameterizedTest(name = "V{0} is rejected")
        @CsvSource({"0", "-5", "NaN"})
        void rejectsAVolumeMetricWithoutAPositiveDose(double doseGy) {
            assertThatThrownBy(() -> DoseMetric.volumeAtLeast(doseGy))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsAMissingNameOrStructure() {
            assertThatThrownBy(() -> new DoseConstraint(" ", "SpinalCord", DoseMetric.maxDose(), 45))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DoseConstraint.of("", DoseMetric.maxDose(), 45))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
