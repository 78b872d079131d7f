package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kaplan-Meier table against R 4.2.2, survival 3.5-3. The R calls are in
 * src/test/r/survfit-reference.R; each table below quotes its printed output, where std.err.S is
 * survfit's std.err times surv (the Greenwood standard error of S, as summary.survfit prints it).
 */
class KaplanMeierEstimatorTest {

    private static List<KaplanMeierRow> rows(List<TimeToEvent> data, ConfidenceSettings settings) {
        return new KaplanMeierEstimator(settings).estimate(data).rows();
    }

    @Nested
    class SixMercaptopurine {

        private final SurvivalCurve curve = new KaplanMeierEstimator().estimate(SurvivalDatasets.sixMercaptopurine());

        @Test
        void countsSubjectsEventsAndDistinctTimes() {
            assertThat(curve.subjects()).isEqualTo(21);
            assertThat(curve.events()).isEqualTo(9);
            assertThat(curve.rows()).hasSize(16);
            assertThat(curve.eventRows()).extracting(KaplanMeierRow::time)
                    .containsExactly(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0);
        }

        // The product-limit column as tabulated for the 6-MP group in textbooks (e.g. Kleinbaum &
        // Klein, Survival Analysis: A Self-Learning Text, ch. 2) and as survfit prints it below.
        @ParameterizedTest(name = "S({0}) = {1}")
        @CsvSource({
            "6, 0.857", "7, 0.807", "10, 0.753", "13, 0.690", "16, 0.627", "22, 0.538", "23, 0.448"})
        void survivalAtEachEventTimeToThreeDecimals(double time, double survival) {
            KaplanMeierRow row = curve.eventRows().stream().filter(r -> r.time() == time).findFirst().orElseThrow();
            assertThat(row.survival()).isCloseTo(survival, within(0.0005));
        }

        // survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "log-log")
        //    time n.risk n.event n.censor         surv     std.err.S        lower        upper
        // 1     6     21       3        1 0.8571428571 0.07636035483 0.6197179553 0.9515517476
        // 2     7     17       1        0 0.8067226891 0.08693528518 0.5631465646 0.9228090192
        // 3     9     16       0        1 0.8067226891 0.08693528518 0.5631465646 0.9228090192
        // 4    10     15       1        1 0.7529411765 0.09634965299 0.5031995108 0.8893618352
        // 5    11     13       0        1 0.7529411765 0.09634965299 0.5031995108 0.8893618352
        // 6    13     12       1        0 0.6901960784 0.10681470778 0.4316102225 0.8490659633
        // 7    16     11       1        0 0.6274509804 0.11405386526 0.3675108560 0.8049121895
        // 8    17     10       0        1 0.6274509804 0.11405386526 0.3675108560 0.8049121895
        // 9    19      9       0        1 0.6274509804 0.11405386526 0.3675108560 0.8049121895
        // 10   20      8       0        1 0.6274509804 0.11405386526 0.3675108560 0.8049121895
        // 11   22      7       1        0 0.5378151261 0.12823375169 0.2677789368 0.7467907176
        // 12   23      6       1        0 0.4481792717 0.13459145676 0.1880520060 0.6801426285
        // 13   25      5       0        1 0.4481792717 0.13459145676 0.1880520060 0.6801426285
        // 14   32      4       0        2 0.4481792717 0.13459145676 0.1880520060 0.6801426285
        // 15   34      2       0        1 0.4481792717 0.13459145676 0.1880520060 0.6801426285
        // 16   35      1       0        1 0.4481792717 0.13459145676 0.1880520060 0.6801426285
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            " 0,  6, 21, 3, 1, 0.8571428571, 0.07636035483, 0.6197179553, 0.9515517476",
            " 1,  7, 17, 1, 0, 0.8067226891, 0.08693528518, 0.5631465646, 0.9228090192",
            " 2,  9, 16, 0, 1, 0.8067226891, 0.08693528518, 0.5631465646, 0.9228090192",
            " 3, 10, 15, 1, 1, 0.7529411765, 0.09634965299, 0.5031995108, 0.8893618352",
            " 4, 11, 13, 0, 1, 0.7529411765, 0.09634965299, 0.5031995108, 0.8893618352",
            " 5, 13, 12, 1, 0, 0.6901960784, 0.10681470778, 0.4316102225, 0.8490659633",
            " 6, 16, 11, 1, 0, 0.6274509804, 0.11405386526, 0.3675108560, 0.8049121895",
            " 7, 17, 10, 0, 1, 0.6274509804, 0.11405386526, 0.3675108560, 0.8049121895",
            " 8, 19,  9, 0, 1, 0.6274509804, 0.11405386526, 0.3675108560, 0.8049121895",
            " 9, 20,  8, 0, 1, 0.6274509804, 0.11405386526, 0.3675108560, 0.8049121895",
            "10, 22,  7, 1, 0, 0.5378151261, 0.12823375169, 0.2677789368, 0.7467907176",
            "11, 23,  6, 1, 0, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285",
            "12, 25,  5, 0, 1, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285",
            "13, 32,  4, 0, 2, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285",
            "14, 34,  2, 0, 1, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285",
            "15, 35,  1, 0, 1, 0.4481792717, 0.13459145676, 0.1880520060, 0.6801426285"})
        void logLogTableMatchesSurvfit(int index, double time, int atRisk, int events, int censored,
                double survival, String standardError, String lower, String upper) {
            Expect.row(curve.rows().get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        @Test
        void greenwoodVarianceIsSurvivalSquaredTimesTheSumOfDOverNTimesNMinusD() {
            // at t = 13: events (n, d) = (21, 3), (17, 1), (15, 1), (12, 1)
            double sum = 3.0 / (21 * 18) + 1.0 / (17 * 16) + 1.0 / (15 * 14) + 1.0 / (12 * 11);
            double survival = (18.0 / 21) * (16.0 / 17) * (14.0 / 15) * (11.0 / 12);
            KaplanMeierRow row = curve.rows().get(5);
            assertThat(row.survival()).isCloseTo(survival, within(1e-15));
            assertThat(row.variance()).hasValueCloseTo(survival * survival * sum, within(1e-15));
            assertThat(row.standardError()).hasValueCloseTo(Math.sqrt(survival * survival * sum), within(1e-15));
        }

        @Test
        void logLogLimitsBracketTheEstimate() {
            // exp(-exp(.)) is decreasing: the lower limit must come from the upper log(-log S) limit.
            for (KaplanMeierRow row : curve.rows()) {
                ConfidenceInterval ci = row.confidenceInterval().orElseThrow();
                assertThat(ci.lower()).isLessThan(row.survival());
                assertThat(ci.upper()).isGreaterThan(row.survival());
            }
        }

        // survfit(Surv(mp6_time, mp6_event) ~ 1)   # conf.type = "log", survfit's default
        //    time n.risk n.event n.censor         surv     std.err.S        lower        upper
        // 1     6     21       3        1 0.8571428571 0.07636035483 0.7198170839 1.0000000000
        // 2     7     17       1        0 0.8067226891 0.08693528518 0.6531242185 0.9964436759
        // 4    10     15       1        1 0.7529411765 0.09634965299 0.5859189820 0.9675747546
        // 6    13     12       1        0 0.6901960784 0.10681470778 0.5096130991 0.9347691955
        // 7    16     11       1        0 0.6274509804 0.11405386526 0.4393939250 0.8959949385
        // 11   22      7       1        0 0.5378151261 0.12823375169 0.3370366162 0.8582008480
        // 12   23      6       1        0 0.4481792717 0.13459145676 0.2487882268 0.8073720455
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            " 0,  6, 21, 3, 1, 0.8571428571, 0.07636035483, 0.7198170839, 1.0000000000",
            " 1,  7, 17, 1, 0, 0.8067226891, 0.08693528518, 0.6531242185, 0.9964436759",
            " 3, 10, 15, 1, 1, 0.7529411765, 0.09634965299, 0.5859189820, 0.9675747546",
            " 5, 13, 12, 1, 0, 0.6901960784, 0.10681470778, 0.5096130991, 0.9347691955",
            " 6, 16, 11, 1, 0, 0.6274509804, 0.11405386526, 0.4393939250, 0.8959949385",
            "10, 22,  7, 1, 0, 0.5378151261, 0.12823375169, 0.3370366162, 0.8582008480",
            "11, 23,  6, 1, 0, 0.4481792717, 0.13459145676, 0.2487882268, 0.8073720455"})
        void logTableMatchesSurvfitWithTheUpperLimitCappedAtOne(int index, double time, int atRisk, int events,
                int censored, double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.sixMercaptopurine(),
                    ConfidenceSettings.of(0.95, ConfidenceTransform.LOG));
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        // survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "plain")
        //    time n.risk n.event n.censor         surv     std.err.S        lower        upper
        // 1     6     21       3        1 0.8571428571 0.07636035483 0.7074793118 1.0000000000
        // 2     7     17       1        0 0.8067226891 0.08693528518 0.6363326611 0.9771127170
        // 6    13     12       1        0 0.6901960784 0.10681470778 0.4808430982 0.8995490587
        // 12   23      6       1        0 0.4481792717 0.13459145676 0.1843848638 0.7119736796
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            " 0,  6, 21, 3, 1, 0.8571428571, 0.07636035483, 0.7074793118, 1.0000000000",
            " 1,  7, 17, 1, 0, 0.8067226891, 0.08693528518, 0.6363326611, 0.9771127170",
            " 5, 13, 12, 1, 0, 0.6901960784, 0.10681470778, 0.4808430982, 0.8995490587",
            "11, 23,  6, 1, 0, 0.4481792717, 0.13459145676, 0.1843848638, 0.7119736796"})
        void plainTableMatchesSurvfitClippedToZeroOne(int index, double time, int atRisk, int events,
                int censored, double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.sixMercaptopurine(),
                    ConfidenceSettings.of(0.95, ConfidenceTransform.PLAIN));
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        // survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "log-log", conf.int = 0.90)
        //    time n.risk n.event n.censor         surv     std.err.S        lower        upper
        // 1     6     21       3        1 0.8571428571 0.07636035483 0.6711067806 0.9421594057
        // 4    10     15       1        1 0.7529411765 0.09634965299 0.5511233819 0.8735812433
        // 11   22      7       1        0 0.5378151261 0.12823375169 0.3112140806 0.7192331872
        // 12   23      6       1        0 0.4481792717 0.13459145676 0.2264620882 0.6481135841
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            " 0,  6, 21, 3, 1, 0.8571428571, 0.07636035483, 0.6711067806, 0.9421594057",
            " 3, 10, 15, 1, 1, 0.7529411765, 0.09634965299, 0.5511233819, 0.8735812433",
            "10, 22,  7, 1, 0, 0.5378151261, 0.12823375169, 0.3112140806, 0.7192331872",
            "11, 23,  6, 1, 0, 0.4481792717, 0.13459145676, 0.2264620882, 0.6481135841"})
        void ninetyPercentLogLogTableMatchesSurvfit(int index, double time, int atRisk, int events,
                int censored, double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.sixMercaptopurine(),
                    ConfidenceSettings.of(0.90, ConfidenceTransform.LOG_LOG));
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        @Test
        void inputOrderDoesNotMatter() {
            List<TimeToEvent> shuffled = new ArrayList<>(SurvivalDatasets.sixMercaptopurine());
            Collections.shuffle(shuffled, new Random(20240601L));
            assertThat(new KaplanMeierEstimator().estimate(shuffled).rows()).isEqualTo(curve.rows());
        }
    }

    @Nested
    class Aml {

        // survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log-log")
        //    time n.risk n.event n.censor          surv     std.err.S          lower        upper
        // 1     5     23       2        0 0.91304347826 0.05875338476 0.694947537532 0.9775156699
        // 2     8     21       2        0 0.82608695652 0.07903419645 0.600610411237 0.9309035584
        // 3     9     19       1        0 0.78260869565 0.08600614870 0.554211506669 0.9032074899
        // 4    12     18       1        0 0.73913043478 0.09156053715 0.509209438754 0.8733757817
        // 5    13     17       1        1 0.69565217391 0.09594387554 0.465641749762 0.8417212914
        // 6    16     15       0        1 0.69565217391 0.09594387554 0.465641749762 0.8417212914
        // 7    18     14       1        0 0.64596273292 0.10114267518 0.413952950717 0.8053077645
        // 8    23     13       2        0 0.54658385093 0.10725064174 0.319250413971 0.7264491738
        // 9    27     11       1        0 0.49689440994 0.10840178079 0.275565628012 0.6842137884
        // 10   28     10       0        1 0.49689440994 0.10840178079 0.275565628012 0.6842137884
        // 11   30      9       1        0 0.44168391994 0.10951806998 0.227381168463 0.6370926875
        // 12   31      8       1        0 0.38647342995 0.10885880149 0.182836618649 0.5874769144
        // 13   33      7       1        0 0.33126293996 0.10639097289 0.141825693482 0.5352737900
        // 14   34      6       1        0 0.27605244997 0.10198337609 0.104441343234 0.4802846604
        // 15   43      5       1        0 0.22084195997 0.09536743849 0.070996648983 0.4221674434
        // 16   45      4       1        1 0.16563146998 0.08603520841 0.042114281262 0.3603613603
        // 17   48      2       1        0 0.08281573499 0.07266180050 0.006955966799 0.2867603680
        // 18  161      1       0        1 0.08281573499 0.07266180050 0.006955966799 0.2867603680
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            " 0,   5, 23, 2, 0, 0.91304347826, 0.05875338476, 0.694947537532, 0.9775156699",
            " 1,   8, 21, 2, 0, 0.82608695652, 0.07903419645, 0.600610411237, 0.9309035584",
            " 2,   9, 19, 1, 0, 0.78260869565, 0.08600614870, 0.554211506669, 0.9032074899",
            " 3,  12, 18, 1, 0, 0.73913043478, 0.09156053715, 0.509209438754, 0.8733757817",
            " 4,  13, 17, 1, 1, 0.69565217391, 0.09594387554, 0.465641749762, 0.8417212914",
            " 5,  16, 15, 0, 1, 0.69565217391, 0.09594387554, 0.465641749762, 0.8417212914",
            " 6,  18, 14, 1, 0, 0.64596273292, 0.10114267518, 0.413952950717, 0.8053077645",
            " 7,  23, 13, 2, 0, 0.54658385093, 0.10725064174, 0.319250413971, 0.7264491738",
            " 8,  27, 11, 1, 0, 0.49689440994, 0.10840178079, 0.275565628012, 0.6842137884",
            " 9,  28, 10, 0, 1, 0.49689440994, 0.10840178079, 0.275565628012, 0.6842137884",
            "10,  30,  9, 1, 0, 0.44168391994, 0.10951806998, 0.227381168463, 0.6370926875",
            "11,  31,  8, 1, 0, 0.38647342995, 0.10885880149, 0.182836618649, 0.5874769144",
            "12,  33,  7, 1, 0, 0.33126293996, 0.10639097289, 0.141825693482, 0.5352737900",
            "13,  34,  6, 1, 0, 0.27605244997, 0.10198337609, 0.104441343234, 0.4802846604",
            "14,  43,  5, 1, 0, 0.22084195997, 0.09536743849, 0.070996648983, 0.4221674434",
            "15,  45,  4, 1, 1, 0.16563146998, 0.08603520841, 0.042114281262, 0.3603613603",
            "16,  48,  2, 1, 0, 0.08281573499, 0.07266180050, 0.006955966799, 0.2867603680",
            "17, 161,  1, 0, 1, 0.08281573499, 0.07266180050, 0.006955966799, 0.2867603680"})
        void pooledLogLogTableMatchesSurvfit(int index, double time, int atRisk, int events, int censored,
                double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.aml(), ConfidenceSettings.defaults());
            assertThat(rows).hasSize(18);
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        // survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Maintained"), conf.type = "log-log")
        //    time n.risk n.event n.censor         surv    std.err.S         lower        upper
        // 1     9     11       1        0 0.9090909091 0.0866784172 0.50808020577 0.9866738227
        // 2    13     10       1        1 0.8181818182 0.1162912998 0.44742861468 0.9511622286
        // 3    18      8       1        0 0.7159090909 0.1396649706 0.35019038591 0.8990239742
        // 4    23      7       1        0 0.6136363636 0.1526323310 0.26575204000 0.8352992433
        // 5    28      6       0        1 0.6136363636 0.1526323310 0.26575204000 0.8352992433
        // 6    31      5       1        0 0.4909090909 0.1641932672 0.16733090978 0.7533997904
        // 7    34      4       1        0 0.3681818182 0.1626688858 0.09282957494 0.6570408324
        // 8    45      3       0        1 0.3681818182 0.1626688858 0.09282957494 0.6570408324
        // 9    48      2       1        0 0.1840909091 0.1534927458 0.01173848012 0.5250148427
        // 10  161      1       0        1 0.1840909091 0.1534927458 0.01173848012 0.5250148427
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            "0,   9, 11, 1, 0, 0.9090909091, 0.0866784172, 0.50808020577, 0.9866738227",
            "1,  13, 10, 1, 1, 0.8181818182, 0.1162912998, 0.44742861468, 0.9511622286",
            "2,  18,  8, 1, 0, 0.7159090909, 0.1396649706, 0.35019038591, 0.8990239742",
            "3,  23,  7, 1, 0, 0.6136363636, 0.1526323310, 0.26575204000, 0.8352992433",
            "4,  28,  6, 0, 1, 0.6136363636, 0.1526323310, 0.26575204000, 0.8352992433",
            "5,  31,  5, 1, 0, 0.4909090909, 0.1641932672, 0.16733090978, 0.7533997904",
            "6,  34,  4, 1, 0, 0.3681818182, 0.1626688858, 0.09282957494, 0.6570408324",
            "7,  45,  3, 0, 1, 0.3681818182, 0.1626688858, 0.09282957494, 0.6570408324",
            "8,  48,  2, 1, 0, 0.1840909091, 0.1534927458, 0.01173848012, 0.5250148427",
            "9, 161,  1, 0, 1, 0.1840909091, 0.1534927458, 0.01173848012, 0.5250148427"})
        void maintainedLogLogTableMatchesSurvfit(int index, double time, int atRisk, int events, int censored,
                double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.amlMaintained(), ConfidenceSettings.defaults());
            assertThat(rows).hasSize(10);
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        // The curve ends in an event: S = 0 at 45, Greenwood's sum is infinite, survfit prints
        // std.err NaN and NA limits for every conf.type (plain: NaN).
        // survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Nonmaintained"), conf.type = ...)
        //    time n.risk n.event n.censor          surv     std.err.S          lower        upper   (log-log)
        // 1     5     12       2        0 0.83333333333 0.10758287073 0.481714942195 0.9555093657
        // 5    23      6       1        0 0.48611111111 0.14813006255 0.191876619619 0.7296715698
        // 9    43      2       1        0 0.09722222222 0.09186636497 0.005746305696 0.3489038611
        // 10   45      1       1        0 0.00000000000           NaN             NA           NA
        //                                                                           lower        upper   (log)
        // 1     5 ...                                                   0.64703698701 1.0000000000
        // 9    43 ...                                                   0.01525652717 0.6195486291
        // 10   45 ...                                                              NA           NA
        //                                                                           lower        upper   (plain)
        // 8    33      3       1        0 0.19444444444 0.12187450538 0.00000000000 0.4333140856
        // 9    43 ...                                                   0.00000000000 0.2772769889
        // 10   45 ...                                                             NaN          NaN
        @ParameterizedTest(name = "{0} row {1}: t = {2}")
        @CsvSource({
            "LOG_LOG, 0,  5, 12, 2, 0, 0.83333333333, 0.10758287073, 0.481714942195, 0.9555093657",
            "LOG_LOG, 4, 23,  6, 1, 0, 0.48611111111, 0.14813006255, 0.191876619619, 0.7296715698",
            "LOG_LOG, 8, 43,  2, 1, 0, 0.09722222222, 0.09186636497, 0.005746305696, 0.3489038611",
            "LOG_LOG, 9, 45,  1, 1, 0, 0.0,           NaN,           NA,             NA",
            "LOG,     0,  5, 12, 2, 0, 0.83333333333, 0.10758287073, 0.64703698701,  1.0000000000",
            "LOG,     8, 43,  2, 1, 0, 0.09722222222, 0.09186636497, 0.01525652717,  0.6195486291",
            "LOG,     9, 45,  1, 1, 0, 0.0,           NaN,           NA,             NA",
            "PLAIN,   7, 33,  3, 1, 0, 0.19444444444, 0.12187450538, 0.00000000000,  0.4333140856",
            "PLAIN,   8, 43,  2, 1, 0, 0.09722222222, 0.09186636497, 0.00000000000,  0.2772769889",
            "PLAIN,   9, 45,  1, 1, 0, 0.0,           NaN,           NaN,            NaN"})
        void nonmaintainedEndsAtZeroWithoutStandardErrorOrInterval(ConfidenceTransform transform, int index,
                double time, int atRisk, int events, int censored, double survival, String standardError,
                String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.amlNonmaintained(), ConfidenceSettings.of(0.95, transform));
            assertThat(rows).hasSize(10);
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        @Test
        void varianceIsAbsentOnlyWhereSurvivalIsZero() {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.amlNonmaintained(), ConfidenceSettings.defaults());
            assertThat(rows.get(9).variance()).isEmpty();
            assertThat(rows.subList(0, 9)).allSatisfy(row -> assertThat(row.variance()).isPresent());
        }
    }

    @Nested
    class Ties {

        // Events come before censorings at a tied time: the subject censored at 2 is at risk at 2,
        // so S(2) = 5/6 * 3/5 = 0.5 (censoring first would give 5/6 * 2/4 = 0.4167).
        // survfit(Surv(c(1, 2, 2, 2, 3, 4), c(1, 1, 1, 0, 0, 1)) ~ 1, conf.type = "log-log")
        //   time n.risk n.event n.censor         surv    std.err.S        lower        upper
        // 1    1      6       1        0 0.8333333333 0.1521451549 0.2731228499 0.9747124267
        // 2    2      5       2        1 0.5000000000 0.2041241452 0.1109482604 0.8037092369
        // 3    3      2       0        1 0.5000000000 0.2041241452 0.1109482604 0.8037092369
        // 4    4      1       1        0 0.0000000000          NaN           NA           NA
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({
            "0, 1, 6, 1, 0, 0.8333333333, 0.1521451549, 0.2731228499, 0.9747124267",
            "1, 2, 5, 2, 1, 0.5000000000, 0.2041241452, 0.1109482604, 0.8037092369",
            "2, 3, 2, 0, 1, 0.5000000000, 0.2041241452, 0.1109482604, 0.8037092369",
            "3, 4, 1, 1, 0, 0.0,          NaN,          NA,           NA"})
        void deathsPrecedeCensoringsAtTheSameTime(int index, double time, int atRisk, int events, int censored,
                double survival, String standardError, String lower, String upper) {
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.ties(), ConfidenceSettings.defaults());
            assertThat(rows).hasSize(4);
            Expect.row(rows.get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        // survfit(Surv(c(0, 0, 1), c(1, 0, 1)) ~ 1, conf.type = "log-log")
        //   time n.risk n.event n.censor         surv   std.err.S         lower        upper
        // 1    0      3       1        1 0.6666666667 0.272165527 0.05407342679 0.9452063873
        @Test
        void negativeAndPositiveZeroAreOneTime() {
            SurvivalCurve curve = new KaplanMeierEstimator().estimate(List.of(
                    TimeToEvent.event(-0.0), TimeToEvent.censored(0.0), TimeToEvent.event(1)));
            assertThat(curve.rows()).hasSize(2);
            Expect.row(curve.rows().get(0), 0.0, 3, 1, 1, 2.0 / 3, "0.272165527", "0.05407342679", "0.9452063873");
        }
    }

    @Nested
    class EdgeCases {

        // survfit(Surv(c(3, 5, 8), c(0, 0, 0)) ~ 1, conf.type = "log-log")
        //   time n.risk n.event n.censor surv std.err.S lower upper
        // 1    3      3       0        1    1         0    NA    NA
        // 2    5      2       0        1    1         0    NA    NA
        // 3    8      1       0        1    1         0    NA    NA
        @ParameterizedTest(name = "row {0}: t = {1}")
        @CsvSource({"0, 3, 3, 0, 1, 1, 0, NA, NA", "1, 5, 2, 0, 1, 1, 0, NA, NA", "2, 8, 1, 0, 1, 1, 0, NA, NA"})
        void allCensoredKeepsSurvivalAtOneWithoutLogLogInterval(int index, double time, int atRisk, int events,
                int censored, double survival, String standardError, String lower, String upper) {
            SurvivalCurve curve = new KaplanMeierEstimator().estimate(SurvivalDatasets.allCensored());
            assertThat(curve.events()).isZero();
            Expect.row(curve.rows().get(index), time, atRisk, events, censored, survival, standardError, lower, upper);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"LOG, 1, 1", "PLAIN, 1, 1"})
        void allCensoredHasTheDegenerateIntervalOnTheLogAndPlainScales(ConfidenceTransform transform,
                String lower, String upper) {
            // survfit_confint: log gives exp(log 1 -+ z * 0) = 1, plain 1 -+ 0, both capped at 1.
            List<KaplanMeierRow> rows = rows(SurvivalDatasets.allCensored(), ConfidenceSettings.of(0.95, transform));
            Expect.interval(rows.get(0).confidenceInterval(), lower, upper, transform.name());
        }

        @Test
        void aSingleEventGivesZeroSurvival() {
            SurvivalCurve curve = new KaplanMeierEstimator().estimate(List.of(TimeToEvent.event(4.5)));
            Expect.row(curve.rows().get(0), 4.5, 1, 1, 0, 0.0, "NA", "NA", "NA");
        }

        @Test
        void noObservationsGiveAnEmptyCurve() {
            SurvivalCurve curve = new KaplanMeierEstimator().estimate(List.of());
            assertThat(curve.subjects()).isZero();
            assertThat(curve.events()).isZero();
            assertThat(curve.rows()).isEmpty();
            assertThat(curve.lastObservationTime()).isEmpty();
        }

        @Test
        void rowsAreImmutable() {
            SurvivalCurve curve = new KaplanMeierEstimator().estimate(SurvivalDatasets.ties());
            assertThatThrownBy(() -> curve.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Rejections {

        @Test
        void nullCollectionIsRejected() {
            KaplanMeierEstimator estimator = new KaplanMeierEstimator();
            assertThatThrownBy(() -> estimator.estimate(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("observations");
        }

        @Test
        void nullObservationIsRejectedWithItsPosition() {
            List<TimeToEvent> data = Arrays.asList(TimeToEvent.event(1), null, TimeToEvent.censored(2));
            KaplanMeierEstimator estimator = new KaplanMeierEstimator();
            assertThatThrownBy(() -> estimator.estimate(data)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position 1");
        }

        @Test
        void nullSettingsAreRejected() {
            assertThatThrownBy(() -> new KaplanMeierEstimator(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("settings");
        }
    }
}
