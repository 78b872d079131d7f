package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CumulativeDvhTest {

    private static final double EXACT = 1e-12;

    private static List<DvhPoint> points(double... doseVolumePairs) {
        DvhPoint[] points = new DvhPoint[doseVolumePairs.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = new DvhPoint(doseVolumePairs[2 * i], doseVolumePairs[2 * i + 1]);
        }
        return Arrays.asList(points);
    }

    private static InvalidDvhException rejectionOf(String structure, List<DvhPoint> points) {
        return catchThrowableOfType(InvalidDvhException.class,
                () -> CumulativeDvh.of(structure, points));
    }

    @Nested
    class Validation {

        @Test
        void acceptsPointsInAnyOrderAndKeepsThemSortedByDose() {
            CumulativeDvh dvh = CumulativeDvh.of("SpinalCord", points(36, 0, 0, 100, 20, 35, 10, 60));

            assertThat(dvh.points()).extracting(DvhPoint::doseGy).containsExactly(0.0, 10.0, 20.0, 36.0);
            assertThat(CumulativeDvh.problemsOf("SpinalCord", points(36, 0, 0, 100),
                    OptionalDouble.empty(), OptionalDouble.empty())).isEmpty();
        }

        @Test
        void acceptsFlatSegmentsBecauseVolumeMayStayEqual() {
            CumulativeDvh dvh = CumulativeDvh.of("Esophagus", points(0, 100, 10, 100, 50, 0, 60, 0));

            assertThat(dvh.points()).hasSize(4);
        }

        @Test
        void rejectsAVolumeThatRisesWithDoseNamingStructureAndPoint() {
            InvalidDvhException rejection =
                    rejectionOf("SpinalCord", points(0, 100, 10, 40, 20, 45, 30, 0));

            assertThat(rejection.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.structure()).isEqualTo("SpinalCord");
                assertThat(problem.field()).isEqualTo(DvhField.VOLUME);
                assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(2));
                assertThat(problem.message())
                        .contains("SpinalCord", "point 2", "45.0 %", "40.0 %", "point 1");
            });
            assertThat(rejection).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SpinalCord");
        }

        @Test
        void judgesMonotonicityAfterSortingAndReportsTheIndexAsGiven() {
            // Sorted: (0,100) #2, (10,30) #0, (20,50) #1 -> the point given second rises.
            InvalidDvhException rejection = rejectionOf("Lungs-GTV", points(10, 30, 20, 50, 0, 100));

            assertThat(rejection.problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(1)));
        }

        @ParameterizedTest(name = "volume {0} % is rejected")
        @CsvSource({"100.01", "120", "-0.01", "NaN", "Infinity"})
        void rejectsVolumesOutsideZeroToHundredPercent(double volume) {
            InvalidDvhException rejection =
                    rejectionOf("Lungs-GTV", points(0, volume, 20, 0));

            assertThat(rejection.problems())
                    .filteredOn(problem -> problem.field() == DvhField.VOLUME)
                    .singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(0));
                        assertThat(problem.message()).contains("Lungs-GTV", "point 0", "0..100 %");
                    });
        }

        @ParameterizedTest(name = "volume {0} % is accepted")
        @CsvSource({"100", "0", "99.99"})
        void acceptsVolumesAtTheEdgesOfZeroToHundredPercent(double volume) {
            assertThat(CumulativeDvh.of("Lungs-GTV", points(0, volume, 20, 0)).points()).hasSize(2);
        }

        @ParameterizedTest(name = "dose {0} Gy is rejected")
        @CsvSource({"-0.5", "NaN", "-Infinity", "Infinity"})
        void rejectsNegativeOrNonFiniteDoses(double dose) {
            InvalidDvhException rejection = rejectionOf("Esophagus", points(0, 100, dose, 0));

            assertThat(rejection.problems())
                    .filteredOn(problem -> problem.field() == DvhField.DOSE)
                    .singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(1));
                        assertThat(problem.message()).contains("Esophagus", "point 1");
                    });
        }

        @Test
        void rejectsARepeatedDose() {
            InvalidDvhException rejection =
                    rejectionOf("Esophagus", points(0, 100, 20, 50, 20, 40, 50, 0));

            assertThat(rejection.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo(DvhField.DOSE);
                assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(2));
                assertThat(problem.message()).contains("repeats the dose 20.0 Gy of point 1");
            });
        }

        @ParameterizedTest(name = "{0} point(s) are too few")
        @CsvSource({"0", "1"})
        void rejectsFewerThanTwoPoints(int count) {
            List<DvhPoint> points = points(0, 100, 10, 0).subList(0, count);

            InvalidDvhException rejection = rejectionOf("SpinalCord", points);

            assertThat(rejection.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo(DvhField.POINTS);
                assertThat(problem.pointIndex()).isEmpty();
                assertThat(problem.message()).contains("SpinalCord", "at least 2");
            });
        }

        @Test
        void rejectsMissingPointListAndMissingPoints() {
            assertThat(rejectionOf("SpinalCord", null).problems())
                    .extracting(DvhProblem::field).containsExactly(DvhField.POINTS);
            List<DvhPoint> withHole = Arrays.asList(new DvhPoint(0, 100), null, new DvhPoint(10, 0));
            assertThat(rejectionOf("SpinalCord", withHole).problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.pointIndex()).isEqualTo(OptionalInt.of(1)));
        }

        @ParameterizedTest(name = "structure code \"{0}\" is rejected")
        @CsvSource(value = {"''", "'   '", "NULL"}, nullValues = "NULL")
        void rejectsAMissingStructureCode(String structure) {
            InvalidDvhException rejection = rejectionOf(structure, points(0, 100, 10, 0));

            assertThat(rejection.problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.field()).isEqualTo(DvhField.STRUCTURE));
        }

        @Test
        void listsEveryProblemAtOnce() {
            // #0 negative dose, #1 volume above 100 %, #3 volume rising above #2.
            InvalidDvhException rejection = rejectionOf("Lungs-GTV",
                    points(-1, 100, 5, 120, 10, 30, 20, 35, 30, 0));

            assertThat(rejection.problems())
                    .extracting(DvhProblem::field, problem -> problem.pointIndex().orElse(-1))
                    .containsExactlyInAnyOrder(
                            tuple(DvhField.DOSE, 0),
                            tuple(DvhField.VOLUME, 1),
                            tuple(DvhField.VOLUME, 3));
            assertThat(rejection.getMessage()).contains("point 0", "point 1", "point 3");
        }

        @ParameterizedTest(name = "given Dmax {0} Gy is rejected")
        @CsvSource({"-1", "NaN", "Infinity"})
        void rejectsABadGivenMaxOrMeanDose(double dose) {
            List<DvhProblem> problems = CumulativeDvh.problemsOf("SpinalCord", points(0, 100, 40, 0),
                    OptionalDouble.of(dose), OptionalDouble.of(dose));

            assertThat(problems).extracting(DvhProblem::field)
                    .containsExactly(DvhField.DMAX, DvhField.DMEAN);
            assertThatThrownBy(() -> new CumulativeDvh("SpinalCord", points(0, 100, 40, 0),
                    OptionalDouble.of(dose), OptionalDouble.empty()))
                    .isInstanceOf(InvalidDvhException.class)
                    .hasMessageContaining("SpinalCord: Dmax");
        }
    }

    @Nested
    class MaximumDose {

        @Test
        void isTheLowestDoseAtWhichTheVolumeReachesZero() {
            CumulativeDvh dvh = CumulativeDvh.of("SpinalCord", points(0, 100, 40, 10, 50, 0, 60, 0));

            assertThat(dvh.curveMaxDoseGy()).isEqualTo(50.0);
            assertThat(dvh.maxDoseGy()).isEqualTo(50.0);
            assertThat(dvh.reachesZeroVolume()).isTrue();
        }

        @Test
        void isTheLastPointsDoseWhenTheCurveNeverReachesZero() {
            CumulativeDvh dvh = CumulativeDvh.of("Esophagus", points(0, 100, 30, 50, 60, 5));

            assertThat(dvh.maxDoseGy()).isEqualTo(60.0);
            assertThat(dvh.reachesZeroVolume()).isFalse();
        }

        @Test
        void givenValuesWinOverTheCurve() {
            CumulativeDvh dvh = new CumulativeDvh("SpinalCord", points(0, 100, 40, 10, 50, 0),
                    OptionalDouble.of(51.3), OptionalDouble.of(7.2));

            assertThat(dvh.maxDoseGy()).isEqualTo(51.3);
            assertThat(dvh.meanDoseGy()).isEqualTo(7.2);
            assertThat(dvh.curveMaxDoseGy()).isEqualTo(50.0);
        }
    }

    @Nested
    class MeanDose {

        @Test
        void isTheTrapezoidIntegralOverOneHundred() {
            // Realistic lung curve, arithmetic in IhrExamples.lungsAt60Gy: 1376 Gy·% / 100.
            assertThat(IhrExamples.lungsAt60Gy().meanDoseGy()).isCloseTo(13.76, within(EXACT));
        }

        @Test
        void ofALinearFalloffIsHalfTheMaximum() {
            // One trapezoid: 50 Gy · (100 + 0) / 2 = 2500 Gy·% -> 25 Gy.
            assertThat(IhrExamples.linearFalloff("SpinalCord", 50).meanDoseGy()).isEqualTo(25.0);
        }

        @Test
        void startsFromZeroGrayAndFullVolumeWhenTheFirstPointIsAboveZero() {
            // (0,100) implied; 2·(100+100)/2 = 200; 8·(100+50)/2 = 600; 10·(50+0)/2 = 250
            // -> 1050 Gy·% -> 10.5 Gy (8.5 Gy if the first 2 Gy were left out).
            CumulativeDvh dvh = CumulativeDvh.of("Esophagus", points(2, 100, 10, 50, 20, 0));

            assertThat(dvh.meanDoseGy()).isCloseTo(10.5, within(EXACT));
        }

        @Test
        void usesTheImpliedSegmentAlsoWhenTheFirstPointIsBelowFullVolume() {
            // (0,100) implied; 4·(100+80)/2 = 360; 6·(80+0)/2 = 240 -> 600 Gy·% -> 6 Gy.
            CumulativeDvh dvh = CumulativeDvh.of("Esophagus", points(4, 80, 10, 0));

            assertThat(dvh.meanDoseGy()).isCloseTo(6.0, within(EXACT));
        }
    }

    @Nested
    class VolumeAtDose {

        @ParameterizedTest(name = "V({0} Gy) = {1} %")
        @CsvSource({
                // at a point: the point's volume
                "0,    100",
                "20,   24",
                "66,   0",
                // between (10,38) and (20,24): 38 - 14·5/10 = 31
                "15,   31",
                // between (60,2) and (66,0): 2 - 2·3/6 = 1
                "63,   1",
                // between (0,100) and (5,55): 100 - 45·2.5/5 = 77.5
                "2.5,  77.5",
                // above the last point
                "66.01, 0",
                "80,   0"})
        void interpolatesLinearlyOnTheCumulativeCurve(double doseGy, double expectedPercent) {
            assertThat(IhrExamples.lungsAt60Gy().volumePercentAt(doseGy))
                    .isCloseTo(expectedPercent, within(EXACT));
        }

        @ParameterizedTest(name = "V({0} Gy) = {1} %")
        @CsvSource({
                // from the implied (0 Gy, 100 %) to the first point (4 Gy, 80 %)
                "0, 100",
                "2, 90",
                "4, 80",
                // after a curve that never reaches 0 %: 0 % above its last point
                "10, 20",
                "10.5, 0"})
        void belowTheFirstAndAboveTheLastPoint(double doseGy, double expectedPercent) {
            CumulativeDvh dvh = CumulativeDvh.of("Lungs-GTV", points(4, 80, 10, 20));

            assertThat(dvh.volumePercentAt(doseGy)).isCloseTo(expectedPercent, within(EXACT));
        }

        @ParameterizedTest(name = "dose {0} Gy cannot be read")
        @CsvSource({"-1", "NaN"})
        void rejectsNegativeOrNonFiniteDoses(double doseGy) {
            assertThatThrownBy(() -> IhrExamples.lungsAt60Gy().volumePercentAt(doseGy))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Lungs-GTV");
        }
    }
}
