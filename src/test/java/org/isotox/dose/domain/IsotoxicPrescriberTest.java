package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsotoxicPrescriberTest {

    private static final double EXACT = 1e-12;
    private static final String CORD = IhrExamples.CORD;
    private static final String LUNGS = IhrExamples.LUNGS;
    private static final String ESOPHAGUS = IhrExamples.ESOPHAGUS;

    private final IsotoxicPrescriber prescriber = new IsotoxicPrescriber();

    private IsotoxicPrescription prescribeIhr(ReferencePlan plan) {
        return prescriber.prescribe(IhrExamples.ihrRules(), plan);
    }

    private static ConstraintResult result(IsotoxicPrescription prescription, String name) {
        return prescription.constraints().stream()
                .filter(result -> result.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A plan at 72 Gy whose lung V20 point is {@code v20}: (0,100), (5,60), (20,v20), (40,5),
     * (72,0). At v20 = 30 its mean dose is (400 + 675 + 350 + 80) / 100 = 15.05 Gy and V5 60 %;
     * cord (Dmax 43.2 Gy) and oesophagus (Dmax 60 Gy) are far from their limits.
     */
    private static ReferencePlan planAt72GyWithLungV20(double v20) {
        CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                new DvhPoint(0, 100), new DvhPoint(5, 60), new DvhPoint(20, v20),
                new DvhPoint(40, 5), new DvhPoint(72, 0)));
        return ReferencePlan.of(72, List.of(
                IhrExamples.linearFalloff(CORD, 43.2), lungs, IhrExamples.linearFalloff(ESOPHAGUS, 60)));
    }

    /** The realistic lung and oesophagus at 60 Gy with a cord of the given Dmax at 60 Gy. */
    private static ReferencePlan realisticPlanWithCordMax(double cordMaxAt60Gy) {
        return ReferencePlan.of(60, List.of(IhrExamples.linearFalloff(CORD, cordMaxAt60Gy),
                IhrExamples.lungsAt60Gy(), IhrExamples.esophagusAt60Gy()));
    }

    @Nested
    class RealisticPlan {

        @Test
        void meanLungDoseLimitsTheRealisticPlanTo69Gy() {
            // MLD(T) = 13.76 · T / 60 <= 16 -> T <= 69.77 Gy; 69 Gy holds, 72 Gy gives
            // 13.76 · 1.2 = 16.512 > 16. Every other limit still holds at 72 Gy
            // (cord 43.2 Gy, 1.8 Gy/fraction, V20 86/3 %, V5 62.5 %, oesophagus 69.6 Gy).
            IsotoxicPrescription prescription = prescribeIhr(IhrExamples.realisticPlanAt60Gy());

            assertThat(prescription.feasible()).isTrue();
            assertThat(prescription.totalDoseGy()).isEqualTo(69.0);
            assertThat(prescription.fractions()).isEqualTo(23);
            assertThat(prescription.fractionDoseGy()).isEqualTo(3.0);
            assertThat(prescription.limitingConstraint()).isEqualTo("Lungs-GTV Dmean");
            assertThat(prescription.limitingConstraints()).containsExactly("Lungs-GTV Dmean");
        }

        @Test
        void reportsEveryConstraintAtTheChosenDose() {
            // At 69 Gy (scale 69/60 = 1.15):
            //   cord Dmax 36 · 1.15 = 41.4; per fraction 41.4 / 23 = 1.8
            //   V20 = V_ref(20 · 60/69) = 38 - 1.4 · (1200/69 - 10) = 1908/69 %
            //   V5  = V_ref(300/69)     = 100 - 9 · 300/69          = 4200/69 %
            //   MLD 13.76 · 1.15 = 15.824; oesophagus Dmax 58 · 1.15 = 66.7
            IsotoxicPrescription prescription = prescribeIhr(IhrExamples.realisticPlanAt60Gy());

            assertThat(prescription.constraints())
                    .extracting(ConstraintResult::name, ConstraintResult::limit, ConstraintResult::met)
                    .containsExactly(
                            tuple("SpinalCord Dmax", 45.0, true),
                            tuple("SpinalCord Dmax per fraction", 2.0, true),
                            tuple("Lungs-GTV V20", 30.0, true),
                            tuple("Lungs-GTV V5", 65.0, true),
                            tuple("Lungs-GTV Dmean", 16.0, true),
                            tuple("Esophagus Dmax", 72.0, true));
            double[] values = {41.4, 1.8, 1908.0 / 69, 4200.0 / 69, 15.824, 66.7};
            double[] limits = {45, 2, 30, 65, 16, 72};
            for (int i = 0; i < values.length; i++) {
                ConstraintResult result = prescription.constraints().get(i);
                assertThat(result.value()).as(result.name()).isCloseTo(values[i], within(EXACT));
                assertThat(result.margin()).as(result.name())
                        .isCloseTo(limits[i] - values[i], within(EXACT));
            }
        }

        @Test
        void reportsBedAndEqd2OfTheChosenDose() {
            // 69 Gy in 23 x 3 Gy. α/β 10: BED 69 · 1.3 = 89.7, EQD2 89.7 / 1.2 = 74.75.
            // α/β 3: BED 69 · 2 = 138, EQD2 138 / (5/3) = 82.8.
            IsotoxicPrescription prescription = prescribeIhr(IhrExamples.realisticPlanAt60Gy());

            assertThat(prescription.tumour().alphaBetaGy()).isEqualTo(10.0);
            assertThat(prescription.tumour().bedGy()).isCloseTo(89.7, within(EXACT));
            assertThat(prescription.tumour().eqd2Gy()).isCloseTo(74.75, within(EXACT));
            assertThat(prescription.late().alphaBetaGy()).isEqualTo(3.0);
            assertThat(prescription.late().bedGy()).isCloseTo(138.0, within(EXACT));
            assertThat(prescription.late().eqd2Gy()).isCloseTo(82.8, within(EXACT));
        }

        @Test
        void anotherStudysRulesAreJustOtherData() {
            // 2.75 Gy fractions, 45..72 Gy: candidates 17..26 fractions. MLD 13.76 · T/60 <= 16
            // holds at 25 x 2.75 = 68.75 Gy (15.767) and breaks at 26 x 2.75 = 71.5 Gy (16.397).
            IsotoxicRules rules = new IsotoxicRules(2.75, 45, 72, IhrExamples.ihrConstraints(), 10, 3);

            IsotoxicPrescription prescription =
                    prescriber.prescribe(rules, IhrExamples.realisticPlanAt60Gy());

            assertThat(prescription.fractions()).isEqualTo(25);
            assertThat(prescription.totalDoseGy()).isEqualTo(68.75);
            assertThat(prescription.limitingConstraint()).isEqualTo("Lungs-GTV Dmean");
            // Cord per fraction 36 · 2.75 / 60 = 1.65 Gy.
            assertThat(result(prescription, "SpinalCord Dmax per fraction").value())
                    .isCloseTo(1.65, within(EXACT));
        }
    }

    @Nested
    class Boundaries {

        @ParameterizedTest(name = "lung V20 {0} % at 72 Gy -> {1} Gy, limited by {3}")
        @CsvSource({
                "29.99, 72, 24, maximum-dose",
                "30,    72, 24, maximum-dose",
                // at 69 Gy: V_ref(20 · 72/69) = 30.01 - 25.01 · (1440/69 - 20) / 20 = 28.92 %
                "30.01, 69, 23, Lungs-GTV V20",
                // V20 34 %: at 69 Gy 34 - 29 · (20/23)/20 = 32.74 % still breaks;
                // at 66 Gy V_ref(240/11) = 34 - 29 · (20/11)/20 = 31.36 %; at 63 Gy
                // V_ref(160/7) = 34 - 29 · (20/7)/20 = 29.857 % holds
                "34,    63, 21, Lungs-GTV V20"})
        void lungV20OfExactlyThirtyPercentIsAllowed(
                double v20, double totalDose, int fractions, String limiting) {
            IsotoxicPrescription prescription = prescribeIhr(planAt72GyWithLungV20(v20));

            assertThat(prescription.feasible()).isTrue();
            assertThat(prescription.totalDoseGy()).isEqualTo(totalDose);
            assertThat(prescription.fractions()).isEqualTo(fractions);
            assertThat(prescription.limitingConstraint()).isEqualTo(limiting);
            assertThat(result(prescription, "Lungs-GTV V20").met()).isTrue();
        }

        @ParameterizedTest(name = "cord Dmax {0} Gy at 60 Gy -> {1} Gy, limited by {3}")
        @CsvSource({
                // 36 · 72/60 = 43.2 Gy at 72 Gy: the cord never binds, the MLD does (> 69 Gy)
                "36,    69, 23, Lungs-GTV Dmean",
                // 37.5 · 72/60 = 45 exactly: allowed, so again only the MLD breaks at 72 Gy
                "37.5,  69, 23, Lungs-GTV Dmean",
                // 39 · 72/60 = 46.8 and 39 · 69/60 = 44.85: both cord Dmax and MLD break at 72
                "39,    69, 23, SpinalCord Dmax",
                // 40 · 69/60 = 46 > 45, 40 · 66/60 = 44 -> 66 Gy; per fraction 40 · 3/60 = 2.0 allowed
                "40,    66, 22, SpinalCord Dmax"})
        void cordMaximumDoseBindsAtTheLastFractionBelowFortyFiveGray(
                double cordMax, double totalDose, int fractions, String limiting) {
            IsotoxicPrescription prescription = prescribeIhr(realisticPlanWithCordMax(cordMax));

            assertThat(prescription.feasible()).isTrue();
            assertThat(prescription.totalDoseGy()).isEqualTo(totalDose);
            assertThat(prescription.fractions()).isEqualTo(fractions);
            assertThat(prescription.limitingConstraint()).isEqualTo(limiting);
        }

        @ParameterizedTest(name = "cord Dmax {0} Gy at 72 Gy, lung V20 {1} % -> {2} Gy, limited by {3}")
        @CsvSource({
                "45,    30,    72, maximum-dose",
                "45.01, 30,    69, SpinalCord Dmax",
                "45,    30.01, 69, Lungs-GTV V20"})
        void exactlyAtTheLimitAtSeventyTwoGrayIsStillTheMaximumDose(
                double cordMax, double v20, double totalDose, String limiting) {
            CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(5, 60), new DvhPoint(20, v20),
                    new DvhPoint(40, 5), new DvhPoint(72, 0)));
            ReferencePlan plan = ReferencePlan.of(72, List.of(
                    IhrExamples.linearFalloff(CORD, cordMax), lungs,
                    IhrExamples.linearFalloff(ESOPHAGUS, 72)));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.totalDoseGy()).isEqualTo(totalDose);
            assertThat(prescription.limitingConstraint()).isEqualTo(limiting);
        }
    }

    @Nested
    class MaximumDose {

        @Test
        void isReportedWhenNothingBindsAtSeventyTwoGray() {
            // Lung (0,100), (5,50), (20,20), (40,5), (60,0) at 60 Gy: Dmean
            // (375 + 525 + 250 + 50) / 100 = 12 Gy -> 14.4 Gy at 72 Gy; V20(72) = V_ref(50/3)
            // = 50 - 2 · (50/3 - 5) = 26.67 %; V5(72) = V_ref(25/6) = 100 - 10 · 25/6 = 58.33 %.
            CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(5, 50), new DvhPoint(20, 20),
                    new DvhPoint(40, 5), new DvhPoint(60, 0)));
            ReferencePlan plan = ReferencePlan.of(60, List.of(
                    IhrExamples.cordAt60Gy(), lungs, IhrExamples.esophagusAt60Gy()));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.feasible()).isTrue();
            assertThat(prescription.totalDoseGy()).isEqualTo(72.0);
            assertThat(prescription.fractions()).isEqualTo(24);
            assertThat(prescription.limitingConstraint()).isEqualTo(IsotoxicPrescription.MAXIMUM_DOSE)
                    .isEqualTo("maximum-dose");
            assertThat(prescription.limitingConstraints()).isEmpty();
            assertThat(prescription.constraints()).allMatch(ConstraintResult::met);
            assertThat(result(prescription, "Lungs-GTV Dmean").value()).isCloseTo(14.4, within(EXACT));
            assertThat(result(prescription, "Lungs-GTV V20").value()).isCloseTo(80.0 / 3, within(EXACT));
        }

        @Test
        void isReportedWhenTheRulesHaveNoConstraints() {
            IsotoxicRules rules = new IsotoxicRules(3, 45, 72, List.of(), 10, 3);

            IsotoxicPrescription prescription = prescriber.prescribe(rules, ReferencePlan.of(60, List.of()));

            assertThat(prescription.totalDoseGy()).isEqualTo(72.0);
            assertThat(prescription.limitingConstraint()).isEqualTo("maximum-dose");
            assertThat(prescription.constraints()).isEmpty();
        }
    }

    @Nested
    class Infeasible {

        @Test
        void whenFortyFiveGrayAlreadyBreaksTheLungV20() {
            // Lung at 45 Gy: (0,100), (5,60), (20,35), (30,10), (45,0). At 45 Gy V20 = 35 % > 30 %;
            // V5 60 % and Dmean (400 + 712.5 + 225 + 75) / 100 = 14.125 Gy hold.
            CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(5, 60), new DvhPoint(20, 35),
                    new DvhPoint(30, 10), new DvhPoint(45, 0)));
            ReferencePlan plan = ReferencePlan.of(45, List.of(
                    IhrExamples.linearFalloff(CORD, 27), lungs, IhrExamples.linearFalloff(ESOPHAGUS, 44)));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.feasible()).isFalse();
            assertThat(prescription.totalDoseGy()).isEqualTo(45.0);
            assertThat(prescription.fractions()).isEqualTo(15);
            assertThat(prescription.limitingConstraint()).isEqualTo("Lungs-GTV V20");
            assertThat(prescription.limitingConstraints()).containsExactly("Lungs-GTV V20");
            ConstraintResult v20 = result(prescription, "Lungs-GTV V20");
            assertThat(v20.met()).isFalse();
            assertThat(v20.value()).isEqualTo(35.0);
            assertThat(v20.margin()).isEqualTo(-5.0);
            assertThat(result(prescription, "Lungs-GTV Dmean").value()).isCloseTo(14.125, within(EXACT));
            // BED/EQD2 at the minimum, 45 Gy in 15 x 3 Gy: 58.5 / 48.75 (α/β 10), 90 / 54 (α/β 3).
            assertThat(prescription.tumour().bedGy()).isCloseTo(58.5, within(EXACT));
            assertThat(prescription.late().eqd2Gy()).isCloseTo(54.0, within(EXACT));
        }

        @Test
        void perFractionCordLimitBindsBeforeTheTotalCordLimit() {
            // Cord Dmax 42 Gy at 60 Gy = 0.7 of the prescription. At 45 Gy the total cord dose
            // 42 · 45/60 = 31.5 Gy is well within 45 Gy, but 31.5 / 15 = 2.1 Gy per fraction
            // exceeds 2 Gy -- and with a fixed 3 Gy fraction it does so at every candidate
            // (Dmax_ref · d / T_ref = 42 · 3 / 60), so no total dose is feasible.
            IsotoxicPrescription prescription = prescribeIhr(realisticPlanWithCordMax(42));

            assertThat(prescription.feasible()).isFalse();
            assertThat(prescription.totalDoseGy()).isEqualTo(45.0);
            assertThat(prescription.limitingConstraint()).isEqualTo("SpinalCord Dmax per fraction");
            assertThat(result(prescription, "SpinalCord Dmax").met()).isTrue();
            assertThat(result(prescription, "SpinalCord Dmax").value()).isCloseTo(31.5, within(EXACT));
            assertThat(result(prescription, "SpinalCord Dmax per fraction").value())
                    .isCloseTo(2.1, within(EXACT));
        }

        @ParameterizedTest(name = "cord Dmax {0} Gy at 60 Gy: feasible {1}")
        @CsvSource({
                // 40 · 3 / 60 = 2.0 Gy per fraction: allowed (total Dmax then limits to 66 Gy)
                "40,    true,  SpinalCord Dmax",
                // 40.02 · 3 / 60 = 2.001 Gy per fraction: broken from the minimum on
                "40.02, false, SpinalCord Dmax per fraction"})
        void perFractionCordLimitAtTheBoundary(double cordMax, boolean feasible, String limiting) {
            IsotoxicPrescription prescription = prescribeIhr(realisticPlanWithCordMax(cordMax));

            assertThat(prescription.feasible()).isEqualTo(feasible);
            assertThat(prescription.limitingConstraint()).isEqualTo(limiting);
        }

        @Test
        void namesEveryConstraintTheMinimumBreaksInRuleOrder() {
            // Oesophagus Dmax 80 Gy at 45 Gy and lung V20 40 %: both broken at 45 Gy.
            CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(5, 60), new DvhPoint(20, 40), new DvhPoint(30, 0)));
            ReferencePlan plan = ReferencePlan.of(45, List.of(IhrExamples.linearFalloff(ESOPHAGUS, 80),
                    lungs, IhrExamples.linearFalloff(CORD, 20)));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.feasible()).isFalse();
            assertThat(prescription.limitingConstraints()).containsExactly("Lungs-GTV V20", "Esophagus Dmax");
            assertThat(prescription.limitingConstraint()).isEqualTo("Lungs-GTV V20");
        }
    }

    @Nested
    class LimitingConstraint {

        @Test
        void namesEveryConstraintBrokenAtTheNextFractionInRuleOrder() {
            // At 72 Gy the cord (45.01 Gy) and lung V20 (30.01 %) both break; at 69 Gy both hold.
            CumulativeDvh lungs = CumulativeDvh.of(LUNGS, List.of(
                    new DvhPoint(0, 100), new DvhPoint(5, 60), new DvhPoint(20, 30.01),
                    new DvhPoint(40, 5), new DvhPoint(72, 0)));
            ReferencePlan plan = ReferencePlan.of(72, List.of(lungs,
                    IhrExamples.linearFalloff(CORD, 45.01), IhrExamples.linearFalloff(ESOPHAGUS, 60)));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.totalDoseGy()).isEqualTo(69.0);
            assertThat(prescription.limitingConstraints()).containsExactly("SpinalCord Dmax", "Lungs-GTV V20");
            assertThat(prescription.limitingConstraint()).isEqualTo("SpinalCord Dmax");
            assertThat(prescription.constraints()).allMatch(ConstraintResult::met);
        }

        @Test
        void givenMaximumDoseWinsOverTheCurveInTheSearch() {
            // The cord curve ends at 36 Gy, but the planning system states Dmax 39 Gy:
            // 39 · 72/60 = 46.8 breaks at 72 Gy, so the cord joins the lung as limiting.
            CumulativeDvh cord = new CumulativeDvh(CORD, IhrExamples.cordAt60Gy().points(),
                    OptionalDouble.of(39), OptionalDouble.empty());
            ReferencePlan plan = ReferencePlan.of(60,
                    List.of(cord, IhrExamples.lungsAt60Gy(), IhrExamples.esophagusAt60Gy()));

            IsotoxicPrescription prescription = prescribeIhr(plan);

            assertThat(prescription.limitingConstraints())
                    .containsExactly("SpinalCord Dmax", "Lungs-GTV Dmean");
            assertThat(result(prescription, "SpinalCord Dmax").value()).isCloseTo(44.85, within(EXACT));
        }
    }

    @Nested
    class MissingStructure {

        @Test
        void namesTheStructureWithoutADvh() {
            ReferencePlan plan = ReferencePlan.of(60, List.of(IhrExamples.cordAt60Gy(), IhrExamples.lungsAt60Gy()));

            MissingDvhException missing = catchThrowableOfType(MissingDvhException.class,
                    () -> prescribeIhr(plan));

            assertThat(missing.structures()).containsExactly("Esophagus");
            assertThat(missing).hasMessageContaining("Esophagus");
        }

        @Test
        void namesEveryMissingStructureAtOnce() {
            ReferencePlan plan = ReferencePlan.of(60, List.of(IhrExamples.lungsAt60Gy()));

            MissingDvhException missing = catchThrowableOfType(MissingDvhException.class,
                    () -> prescribeIhr(plan));

            assertThat(missing.structures()).containsExactly("SpinalCord", "Esophagus");
        }

        @Test
        void extraStructuresAreIgnored() {
            ReferencePlan plan = ReferencePlan.of(60, List.of(IhrExamples.cordAt60Gy(),
                    IhrExamples.lungsAt60Gy(), IhrExamples.esophagusAt60Gy(),
                    IhrExamples.linearFalloff("Heart", 50)));

            assertThat(prescribeIhr(plan).totalDoseGy()).isEqualTo(69.0);
        }
    }
}
