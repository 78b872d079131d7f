package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readings off the curve against R 4.2.2, survival 3.5-3 (calls in src/test/r/survfit-reference.R):
 * {@code summary(fit, times = ...)}, {@code print(fit)} and {@code quantile(fit, probs = ...)}.
 */
class SurvivalCurveTest {

    private static SurvivalCurve curve(String dataset, ConfidenceTransform transform, double level) {
        return new KaplanMeierEstimator(ConfidenceSettings.of(level, transform))
                .estimate(SurvivalDatasets.byName(dataset));
    }

    private static SurvivalCurve curve(String dataset) {
        return curve(dataset, ConfidenceTransform.LOG_LOG, 0.95);
    }

    @Nested
    class SurvivalAtFixedTimes {

        // summary(survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "log-log"),
        //         times = c(0, 5, 6, 8, 12, 24, 35, 36))
        //  time n.risk n.event survival   std.err lower 95% CI upper 95% CI
        //     0     21       0 1.000000 0.0000000     1.000000     1.000000
        //     5     21       0 1.000000 0.0000000     1.000000     1.000000
        //     6     21       3 0.857143 0.0763604     0.619718     0.951552
        //     8     16       1 0.806723 0.0869353     0.563147     0.922809
        //    12     12       1 0.752941 0.0963497     0.503200     0.889362
        //    24      5       4 0.448179 0.1345915     0.188052     0.680143
        //    35      1       0 0.448179 0.1345915     0.188052     0.680143
        // (36 is dropped: beyond the last observation time and extend = FALSE.)
        // Full-precision values from the survfit table (same script): S(6) = 0.8571428571, ...
        // At t < 6 survfit0 prints the interval [1, 1]; log-log has no interval at S = 1 (survfit
        // prints NA for it at censoring-only times), so this core reports it absent: see
        // beforeTheFirstEventTheLogLogIntervalIsAbsentAsSurvfitPrintsItAfterACensoring.
        @ParameterizedTest(name = "t = {0}")
        @CsvSource({
            " 0, 21, 1.0,          0,             NA,           NA",
            " 5, 21, 1.0,          0,             NA,           NA",
            " 6, 21, 0.8571428571, 0.07636035483, 0.6197179553, 0.9515517476",
            " 8, 16, 0.8067226891, 0.08693528518, 0.5631465646, 0.9228090192",
            "12, 12, 0.7529411765, 0.09634965299, 0.5031995108, 0.8893618352",
            "24,  5, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285",
            "35,  1, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285"})
        void sixMercaptopurineMatchesSummaryAtTimes(double time, int atRisk, double survival, String standardError,
                String lower, String upper) {
            SurvivalAtTime at = curve("6-MP").at(time).orElseThrow();
            assertThat(at.time()).isEqualTo(time);
            assertThat(at.atRisk()).isEqualTo(atRisk);
            assertThat(at.survival()).isCloseTo(survival, within(Expect.R_DIGITS));
            Expect.optional(at.standardError(), standardError, "std.err");
            Expect.interval(at.confidenceInterval(), lower, upper, "CI");
        }

        @ParameterizedTest(name = "t = {0}")
        @ValueSource(doubles = {35.000001, 36, 60, 1e9})
        void beyondTheLastObservationTimeThereIsNoEstimate(double time) {
            assertThat(curve("6-MP").at(time)).isEmpty();
        }

        // summary(survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Maintained"),
        //                 conf.type = "log-log"), times = c(12, 24, 36, 60, 161, 162))
        //  time n.risk n.event survival   std.err lower 95% CI upper 95% CI
        //    12     10       1 0.909091 0.0866784    0.5080802     0.986674
        //    24      6       3 0.613636 0.1526323    0.2657520     0.835299
        //    36      3       2 0.368182 0.1626689    0.0928296     0.657041
        //    60      1       1 0.184091 0.1534927    0.0117385     0.525015
        //   161      1       0 0.184091 0.1534927    0.0117385     0.525015
        // Full precision from the survfit table: rows at 9, 23, 34 and 48 (see KaplanMeierEstimatorTest).
        @ParameterizedTest(name = "t = {0}")
        @CsvSource({
            " 12, 10, 0.9090909091, 0.0866784172, 0.50808020577, 0.9866738227",
            " 24,  6, 0.6136363636, 0.1526323310, 0.26575204000, 0.8352992433",
            " 36,  3, 0.3681818182, 0.1626688858, 0.09282957494, 0.6570408324",
            " 60,  1, 0.1840909091, 0.1534927458, 0.01173848012, 0.5250148427",
            "161,  1, 0.1840909091, 0.1534927458, 0.01173848012, 0.5250148427"})
        void amlMaintainedAtTheReportingTimes(double time, int atRisk, double survival, String standardError,
                String lower, String upper) {
            SurvivalAtTime at = curve("aml-maintained").at(time).orElseThrow();
            assertThat(at.atRisk()).isEqualTo(atRisk);
            assertThat(at.survival()).isCloseTo(survival, within(Expect.R_DIGITS));
            Expect.optional(at.standardError(), standardError, "std.err");
            Expect.interval(at.confidenceInterval(), lower, upper, "CI");
            assertThat(curve("aml-maintained").at(162)).isEmpty();
        }

        // summary(survfit(Surv(c(2, 4, 5, 7, 9), c(0, 1, 1, 0, 1)) ~ 1, conf.type = "log-log"),
        //         times = c(0, 1, 2, 3, 4, 9))
        //  time n.risk n.event survival  std.err lower 95% CI upper 95% CI
        //     0      5       0     1.00 0.000000     1.000000     1.000000
        //     1      5       0     1.00 0.000000     1.000000     1.000000
        //     2      5       0     1.00 0.000000           NA           NA
        //     3      4       0     1.00 0.000000           NA           NA
        //     4      4       1     0.75 0.216506     0.127947     0.960549
        //     9      1       2     0.00      NaN           NA           NA
        // survfit is inconsistent at S = 1 (its added time-0 row carries [1, 1], the censoring row
        // at 2 carries NA); this core uses the log-log rule throughout: absent at S = 1 and S = 0.
        @ParameterizedTest(name = "t = {0}")
        @CsvSource({
            "0, 5, 1.0,  0,            NA,           NA",
            "1, 5, 1.0,  0,            NA,           NA",
            "2, 5, 1.0,  0,            NA,           NA",
            "3, 4, 1.0,  0,            NA,           NA",
            "4, 4, 0.75, 0.2165063509, 0.1279469176, 0.9605486423",
            "9, 1, 0.0,  NaN,          NA,           NA"})
        void beforeTheFirstEventTheLogLogIntervalIsAbsentAsSurvfitPrintsItAfterACensoring(double time, int atRisk,
                double survival, String standardError, String lower, String upper) {
            SurvivalAtTime at = curve("censored-before-first-event").at(time).orElseThrow();
            assertThat(at.atRisk()).isEqualTo(atRisk);
            assertThat(at.survival()).isEqualTo(survival);
            Expect.optional(at.standardError(), standardError, "std.err");
            Expect.interval(at.confidenceInterval(), lower, upper, "CI");
        }

        @ParameterizedTest(name = "{0} at t = {1}")
        @CsvSource({"LOG, 1", "LOG, 3", "PLAIN, 1", "PLAIN, 3"})
        void beforeTheFirstEventLogAndPlainGiveTheDegenerateInterval(ConfidenceTransform transform, double time) {
            SurvivalAtTime at = curve("censored-before-first-event", transform, 0.95).at(time).orElseThrow();
            Expect.interval(at.confidenceInterval(), "1", "1", transform.name());
        }

        // summary(ties, times = c(2, 2.5)): n.risk 5 at 2 (the subject censored at 2 is at risk), 2 at 2.5.
        @ParameterizedTest(name = "t = {0}")
        @CsvSource({"1.999, 5, 0.8333333333", "2, 5, 0.5", "2.5, 2, 0.5"})
        void atATiedTimeTheEventsHaveHappenedAndTheCensoredAreStillAtRisk(double time, int atRisk, double survival) {
            SurvivalAtTime at = curve("ties").at(time).orElseThrow();
            assertThat(at.atRisk()).isEqualTo(atRisk);
            assertThat(at.survival()).isCloseTo(survival, within(Expect.R_DIGITS));
        }

        @Test
        void anEmptyCurveHasNoEstimateAtAnyTime() {
            SurvivalCurve empty = new KaplanMeierEstimator().estimate(List.of());
            assertThat(empty.at(0)).isEmpty();
            assertThat(empty.atRisk(0)).isZero();
        }
    }

    @Nested
    class NumberAtRisk {

        // The numbers printed under a KM plot: subjects with time >= t (summary's n.risk above,
        // and 0 beyond the last observation as summary(..., extend = TRUE) gives).
        @ParameterizedTest(name = "t = {0}")
        @CsvSource({
            "0, 21", "5.99, 21", "6, 21", "6.01, 17", "7, 17", "10, 15", "12, 12", "24, 5", "32, 4",
            "34, 2", "35, 1", "35.01, 0", "100, 0"})
        void countsSubjectsStillUnderObservation(double time, int atRisk) {
            assertThat(curve("6-MP").atRisk(time)).isEqualTo(atRisk);
        }
    }

    @Nested
    class Median {

        // print(survfit(...)) for each data set and conf.type, e.g. for 6-MP log-log:
        //       n events median 0.95LCL 0.95UCL
        // [1,] 21      9     23      13      NA
        // 6-MP log: 23 16 NA; plain: 23 13 NA; log-log 90 %: 23 13 NA;
        // aml pooled log-log: 27 13 34; aml Maintained: 31 13 NA; aml Nonmaintained log-log: 23 5 33,
        // log: 23 8 NA, plain: 23 8 33; ties: 3 1 NA (S = 0.5 on [2, 4): midpoint of 2 and 4);
        // censoring before the first event: 7 4 NA (S = 0.5 on [5, 9)); events at 1..6: 3.5 1 NA;
        // S = 0.5 from 2 to the end: 2 1 NA; all censored: NA NA NA.
        @ParameterizedTest(name = "{0} {1} {2}: {3} ({4}, {5})")
        @CsvSource({
            "6-MP,                        LOG_LOG, 0.95, 23,  13, NA",
            "6-MP,                        LOG,     0.95, 23,  16, NA",
            "6-MP,                        PLAIN,   0.95, 23,  13, NA",
            "6-MP,                        LOG_LOG, 0.90, 23,  13, NA",
            "aml,                         LOG_LOG, 0.95, 27,  13, 34",
            "aml-maintained,              LOG_LOG, 0.95, 31,  13, NA",
            "aml-nonmaintained,           LOG_LOG, 0.95, 23,   5, 33",
            "aml-nonmaintained,           LOG,     0.95, 23,   8, NA",
            "aml-nonmaintained,           PLAIN,   0.95, 23,   8, 33",
            "ties,                        LOG_LOG, 0.95, 3,    1, NA",
            "censored-before-first-event, LOG_LOG, 0.95, 7,    4, NA",
            "exact-half-over-interval,    LOG_LOG, 0.95, 3.5,  1, NA",
            "exact-half-to-the-end,       LOG_LOG, 0.95, 2,    1, NA",
            "all-censored,                LOG_LOG, 0.95, NA,  NA, NA"})
        void matchesPrintSurvfit(String dataset, ConfidenceTransform transform, double level, String median,
                String lower, String upper) {
            QuantileEstimate estimate = curve(dataset, transform, level).median();
            assertThat(estimate.probability()).isEqualTo(0.5);
            Expect.optional(estimate.estimate(), median, "median");
            Expect.optional(estimate.lower(), lower, "LCL");
            Expect.optional(estimate.upper(), upper, "UCL");
        }

        @Test
        void anEmptyCurveHasNoMedian() {
            QuantileEstimate median = new KaplanMeierEstimator().estimate(List.of()).median();
            assertThat(median.estimate()).isEmpty();
            assertThat(median.lower()).isEmpty();
            assertThat(median.upper()).isEmpty();
        }

        @Test
        void aProductThatIsHalfOnlyUpToRoundingStillTakesTheMidpoint() {
            // A product of fractions computed in floating point may be 0.5 only within a few ulps;
            // survfit's tolerance sqrt(.Machine$double.eps) treats it as exactly 0.5 (minmin in
            // survival:::survmean); checked here on a value 4 ulps above 0.5 and on one 1e-6 above.
            double[] times = {1, 2, 3};
            double[] values = {0.7, 0.5 + 4 * Math.ulp(0.5), 0.2};
            assertThat(SurvfitQuantileRules.printedMedian(times, values)).hasValue(2.5);
            double[] clearlyAbove = {0.7, 0.5 + 1e-6, 0.2};
            assertThat(SurvfitQuantileRules.printedMedian(times, clearlyAbove)).hasValue(3.0);
        }
    }

    @Nested
    class Quantiles {

        // quantile(fit, probs = c(0.25, 0.5, 0.75)), log-log 95 %:
        // 6-MP:              quantile 13 23 NA; lower  6 13 23; upper 22 NA NA
        // aml Nonmaintained: quantile  8 23 33; lower  5  5 23; upper 23 33 NA
        // events at 1..6:    quantile 2.0 3.5 5.0; lower 1 1 2; upper 4 NA NA
        // S = 0.5 from 2 to the end (last observation 4): quantile 1.5 3.0 NA; lower 1 1 1; upper NA NA NA
        @ParameterizedTest(name = "{0} p = {1}: {2} ({3}, {4})")
        @CsvSource({
            "6-MP,                     0.25, 13,  6,  22",
            "6-MP,                     0.50, 23,  13, NA",
            "6-MP,                     0.75, NA,  23, NA",
            "aml-nonmaintained,        0.25, 8,   5,  23",
            "aml-nonmaintained,        0.50, 23,  5,  33",
            "aml-nonmaintained,        0.75, 33,  23, NA",
            "exact-half-over-interval, 0.25, 2,   1,  4",
            "exact-half-over-interval, 0.50, 3.5, 1,  NA",
            "exact-half-over-interval, 0.75, 5,   2,  NA",
            "exact-half-to-the-end,    0.25, 1.5, 1,  NA",
            "exact-half-to-the-end,    0.50, 3,   1,  NA",
            "exact-half-to-the-end,    0.75, NA,  1,  NA",
            "all-censored,             0.50, NA,  NA, NA"})
        void matchesQuantileSurvfit(String dataset, double probability, String time, String lower, String upper) {
            QuantileEstimate estimate = curve(dataset).quantile(probability);
            assertThat(estimate.probability()).isEqualTo(probability);
            Expect.optional(estimate.estimate(), time, "quantile");
            Expect.optional(estimate.lower(), lower, "lower");
            Expect.optional(estimate.upper(), upper, "upper");
        }

        @Test
        void quantileAndPrintedMedianDifferOnlyWhenTheCurveEndsAtExactlyOneHalf() {
            // print: 2 (time S reached 0.5); quantile.survfit: (2 + 4) / 2 = 3 (with the last time)
            SurvivalCurve flat = curve("exact-half-to-the-end");
            assertThat(flat.median().estimate()).hasValue(2.0);
            assertThat(flat.quantile(0.5).estimate()).hasValue(3.0);
            SurvivalCurve mid = curve("exact-half-over-interval");
            assertThat(mid.median().estimate()).isEqualTo(mid.quantile(0.5).estimate());
        }

        // Checked against R directly, tol = sqrt(.Machine$double.eps):
        // survival:::findq(c(0,1,2,3,4), c(0,.3,.6,.4,.8), c(.35,.9), tol)  ->  3 NA
        // survival:::findq(c(0,1,2,3,4), c(0,NA,.6,NA,.8), .5, tol)         ->  2
        // survival:::findq(c(0,1,2,3,4), c(0,NA,.6,NA,.8), .6, tol)         ->  3
        // survival:::findq(c(0,1,2,3,4), c(0,.2,.6,.6,NA), .6, tol)         ->  NA
        @ParameterizedTest(name = "values {0}, p = {1}: {2}")
        @CsvSource(delimiter = ';', value = {
            "0.7 0.4 0.6 0.2; 0.35; 3",
            "0.7 0.4 0.6 0.2; 0.9;  NA",
            "NA 0.4 NA 0.2;   0.5;  2",
            "NA 0.4 NA 0.2;   0.6;  3",
            "0.8 0.4 0.4 NA;  0.6;  NA"})
        void limitCurvesWithGapsOrBumpsAreReadAsRsFindqReadsThem(String curveValues, double probability,
                String expected) {
            // approx() sorts the points by value: on a non-monotone curve the point with the smallest
            // failure fraction >= p wins; NA points (S = 0 or 1 under log-log) are skipped.
            double[] values = Arrays.stream(curveValues.trim().split(" +"))
                    .mapToDouble(v -> "NA".equals(v) ? Double.NaN : Double.parseDouble(v)).toArray();
            double[] times = {1, 2, 3, 4};
            Expect.optional(SurvfitQuantileRules.quantile(times, values, probability), expected, "quantile");
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest(name = "t = {0}")
        @ValueSource(doubles = {-1, -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void queryTimesMustBeFiniteAndNonNegative(double time) {
            SurvivalCurve curve = curve("6-MP");
            assertThatThrownBy(() -> curve.at(time)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(time));
            assertThatThrownBy(() -> curve.atRisk(time)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(time));
        }

        @ParameterizedTest(name = "p = {0}")
        @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
        void quantileProbabilityMustBeStrictlyBetweenZeroAndOne(double probability) {
            SurvivalCurve curve = curve("6-MP");
            assertThatThrownBy(() -> curve.quantile(probability)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(probability));
        }
    }
}
