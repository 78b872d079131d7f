package org.isotox.qol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are computed by hand from the EORTC QLQ-C30 Scoring Manual, 3rd ed.
 * (RS = mean of answered items; functional S = (1 - (RS-1)/range)*100; symptom and QL2
 * S = ((RS-1)/range)*100; range 3 for 1-4 items, 6 for 1-7 items) and, for SUM, Giesinger et al.,
 * J Clin Epidemiol 2016;69:79-88 (mean of the 5 functional scales and of 100 - S of 8 symptom scales).
 */
class EortcScorerTest {

    private static final double TOLERANCE = 1e-9;
    private static final int[] SYMPTOM_ITEMS_IN_SUM = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    private final EortcScorer scorer = EortcScorer.forQlqC30AndLc13();

    /** Item/value pairs in order: answers(1, 2, 5, 3) answers item 1 with 2 and item 5 with 3. */
    private static List<ItemAnswer> answers(int... itemValuePairs) {
        List<ItemAnswer> answers = new ArrayList<>();
        for (int i = 0; i < itemValuePairs.length; i += 2) {
            answers.add(ItemAnswer.of(itemValuePairs[i], itemValuePairs[i + 1]));
        }
        return answers;
    }

    /** Items 1-28 answered with {@code value}, items 29 and 30 with {@code globalValue}. */
    private static Map<Integer, Integer> c30All(int value, int globalValue) {
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        for (int item = 1; item <= 28; item++) {
            answers.put(item, value);
        }
        answers.put(29, globalValue);
        answers.put(30, globalValue);
        return answers;
    }

    private static List<ItemAnswer> toAnswers(Map<Integer, Integer> valueByItem) {
        return valueByItem.entrySet().stream().map(e -> ItemAnswer.of(e.getKey(), e.getValue())).toList();
    }

    private static List<Integer> items(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(Integer::valueOf).toList();
    }

    private static List<String> codes(ScoringOutcome outcome) {
        return scored(outcome).scores().stream().map(ScaleScore::code).toList();
    }

    private static ScoringOutcome.Scored scored(ScoringOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScoringOutcome.Scored.class);
        return (ScoringOutcome.Scored) outcome;
    }

    private static ScoringOutcome.Rejected rejected(ScoringOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScoringOutcome.Rejected.class);
        return (ScoringOutcome.Rejected) outcome;
    }

    private static OptionalDouble value(ScoringOutcome outcome, String code) {
        return scored(outcome).scale(code).orElseThrow(() -> new AssertionError(code + " not reported")).value();
    }

    private static double present(ScoringOutcome outcome, String code) {
        OptionalDouble value = value(outcome, code);
        assertThat(value).as(code).isPresent();
        return value.getAsDouble();
    }

    @Nested
    class ScaleScores {

        @ParameterizedTest(name = "PF2 answers {0},{1},{2},{3},{4} -> {5}")
        @CsvSource({
                "1, 1, 1, 1, 1, 100",   // RS 1 -> (1 - 0/3)*100 = 100
                "4, 4, 4, 4, 4,   0",   // RS 4 -> (1 - 3/3)*100 = 0
                "1, 2, 3, 4, 4,  40",   // RS 14/5 = 2.8 -> (1 - 1.8/3)*100 = 40
                "1, 1, 1, 4, 4,  60",   // RS 11/5 = 2.2 -> (1 - 1.2/3)*100 = 60
        })
        void physicalFunctioning(int a1, int a2, int a3, int a4, int a5, double expected) {
            ScoringOutcome outcome = scorer.score(answers(1, a1, 2, a2, 3, a3, 4, a4, 5, a5));
            assertThat(present(outcome, "PF2")).isEqualTo(expected);
        }

        @Test
        void fatigueFromTwoOfThreeItems() {
            // FA items 10, 12, 18: answers 2, 3, (18 missing) -> RS (2+3)/2 = 2.5 -> (1.5/3)*100 = 50
            assertThat(present(scorer.score(answers(10, 2, 12, 3)), "FA")).isEqualTo(50.0);
        }

        @Test
        void globalHealthStatusOnTheSevenPointRange() {
            // QL2 items 29, 30: answers 5 and 6 -> RS 5.5 -> (4.5/6)*100 = 75
            assertThat(present(scorer.score(answers(29, 5, 30, 6)), "QL2")).isEqualTo(75.0);
        }

        @Test
        void twoItemScaleWithOneItemMissingIsScored() {
            // PA items 9, 19: only 9 = 4 -> 1 of 2 answered (half) -> RS 4 -> (3/3)*100 = 100
            assertThat(present(scorer.score(answers(9, 4)), "PA")).isEqualTo(100.0);
            // RF2 items 6, 7: only 7 = 3 -> RS 3 -> (1 - 2/3)*100 = 33.33...
            assertThat(present(scorer.score(answers(7, 3)), "RF2")).isCloseTo(100.0 / 3, within(TOLERANCE));
        }

        @Test
        void threeItemScaleWithTwoItemsMissingIsNotScored() {
            // FA items 10, 12, 18: only 10 answered -> 1 of 3 < half -> absent, and its item is
            // not reported in its place (only the LC13 dyspnoea scale does that)
            ScoringOutcome outcome = scorer.score(answers(10, 2));
            assertThat(value(outcome, "FA")).isEmpty();
            assertThat(scored(outcome).scores()).allSatisfy(score -> assertThat(score.standIn()).isEmpty());
        }

        @Test
        void singleItemScaleNeedsItsItem() {
            ScoringOutcome outcome = scorer.score(answers(1, 1));
            assertThat(value(outcome, "DY")).isEmpty();
            // DY item 8 = 3 -> (2/3)*100 = 66.66...
            assertThat(present(scorer.score(answers(8, 3)), "DY")).isCloseTo(200.0 / 3, within(TOLERANCE));
        }

        @ParameterizedTest(name = "{0} with items {1} answered -> scored {2}")
        @CsvSource({
                // code, answered items (each answered 2), scored?   (at least half of the items)
                "PF2, 1 2 3,      true",   // 3 of 5
                "PF2, 1 2,        false",  // 2 of 5
                "EF,  21 24,      true",   // 2 of 4
                "EF,  22,         false",  // 1 of 4
                "FA,  12 18,      true",   // 2 of 3
                "FA,  18,         false",  // 1 of 3
                "NV,  15,         true",   // 1 of 2
                "CF,  20,         true",   // 1 of 2
                "SF,  27,         true",   // 1 of 2
                "QL2, 30,         true",   // 1 of 2
                "FI,  28,         true",   // 1 of 1
                "SL,  28,         false",  // 0 of 1
        })
        void scoresWhenAtLeastHalfOfTheItemsAreAnswered(String code, String answeredItems, boolean scored) {
            List<ItemAnswer> given = items(answeredItems).stream().map(item -> ItemAnswer.of(item, 2)).toList();
            assertThat(value(scorer.score(given), code).isPresent()).isEqualTo(scored);
        }

        @Test
        void scoresAWholeResponse() {
            Map<Integer, Integer> response = new LinkedHashMap<>();
            int[] pairs = {
                    1, 1, 2, 1, 3, 2, 4, 2, 5, 3,   // PF2 RS 9/5 = 1.8 -> (1 - 0.8/3)*100 = 220/3
                    6, 2, 7, 3,                     // RF2 RS 2.5 -> (1 - 1.5/3)*100 = 50
                    8, 3,                           // DY  (2/3)*100 = 200/3
                    9, 2, 19, 2,                    // PA  RS 2 -> (1/3)*100 = 100/3
                    10, 3, 12, 2, 18, 4,            // FA  RS 3 -> (2/3)*100 = 200/3
                    11, 1,                          // SL  0
                    13, 2,                          // AP  100/3
                    14, 1, 15, 1,                   // NV  0
                    16, 4,                          // CO  100
                    17, 1,                          // DI  0
                    20, 2, 25, 1,                   // CF  RS 1.5 -> (1 - 0.5/3)*100 = 250/3
                    21, 2, 22, 3, 23, 2, 24, 1,     // EF  RS 2 -> (1 - 1/3)*100 = 200/3
                    26, 1, 27, 2,                   // SF  RS 1.5 -> 250/3
                    28, 3,                          // FI  200/3
                    29, 4, 30, 5,                   // QL2 RS 4.5 -> (3.5/6)*100 = 175/3
            };
            for (int i = 0; i < pairs.length; i += 2) {
                response.put(pairs[i], pairs[i + 1]);
            }
            ScoringOutcome outcome = scorer.score(toAnswers(response));

            assertThat(present(outcome, "PF2")).isCloseTo(220.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "RF2")).isEqualTo(50.0);
            assertThat(present(outcome, "DY")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "PA")).isCloseTo(100.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "FA")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "SL")).isEqualTo(0.0);
            assertThat(present(outcome, "AP")).isCloseTo(100.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "NV")).isEqualTo(0.0);
            assertThat(present(outcome, "CO")).isEqualTo(100.0);
            assertThat(present(outcome, "DI")).isEqualTo(0.0);
            assertThat(present(outcome, "CF")).isCloseTo(250.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "EF")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "SF")).isCloseTo(250.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "FI")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "QL2")).isCloseTo(175.0 / 3, within(TOLERANCE));
            // SUM, in thirds: PF2 220 + RF2 150 + SF 250 + EF 200 + CF 250
            //   + (100-FA) 100 + (100-PA) 200 + (100-NV) 300 + (100-DY) 100 + (100-SL) 300
            //   + (100-AP) 200 + (100-CO) 0 + (100-DI) 300 = 2570/3; / 13 = 2570/39 = 65.897...
            assertThat(present(outcome, "SUM")).isCloseTo(2570.0 / 39, within(TOLERANCE));
        }
    }

    @Nested
    class SummaryScore {

        @ParameterizedTest(name = "items 1-28 = {0}, 29-30 = {1} -> SUM {2}")
        @CsvSource({
                // functional S and symptom S for items all equal to v: F = (1-(v-1)/3)*100, S = ((v-1)/3)*100
                "1, 1, 100",            // F 100, 100 - S 100 -> mean 100
                "4, 7,   0",            // F 0, 100 - S 0 -> mean 0
                "2, 4,  66.66666666666667", // F 200/3, 100 - S = 100 - 100/3 = 200/3 -> 200/3
                "3, 2,  33.333333333333336", // F 100/3, 100 - S = 100 - 200/3 = 100/3 -> 100/3
        })
        void isTheMeanOfThirteenScalesWithSymptomsReversed(int value, int global, double expected) {
            ScoringOutcome outcome = scorer.score(toAnswers(c30All(value, global)));
            assertThat(present(outcome, "SUM")).isCloseTo(expected, within(TOLERANCE));
        }

        @Test
        void weighsEachScaleOnce() {
            // Functional items 1 (5 functional scales at 100), symptom items 4 (8 symptom scales at
            // 100, contributing 100 - 100 = 0): SUM = (5*100 + 8*0)/13 = 500/13 = 38.46...
            Map<Integer, Integer> response = c30All(1, 1);
            for (int item : SYMPTOM_ITEMS_IN_SUM) {
                response.put(item, 4);
            }
            assertThat(present(scorer.score(toAnswers(response)), "SUM")).isCloseTo(500.0 / 13, within(TOLERANCE));
        }

        @ParameterizedTest(name = "FI item 28 = {0}, QL2 items = {1} do not change SUM")
        @CsvSource({"1, 1", "4, 1", "1, 7", "4, 7"})
        void excludesFinancialDifficultiesAndGlobalHealthStatus(int financial, int global) {
            // Items 1-27 = 2 -> every component contributes 200/3, whatever FI and QL2 are.
            Map<Integer, Integer> response = c30All(2, global);
            response.put(28, financial);
            assertThat(present(scorer.score(toAnswers(response)), "SUM")).isCloseTo(200.0 / 3, within(TOLERANCE));
        }

        @Test
        void isComputedWithoutFinancialDifficultiesAndGlobalHealthStatus() {
            Map<Integer, Integer> response = c30All(2, 2);
            response.remove(28);
            response.remove(29);
            response.remove(30);
            ScoringOutcome outcome = scorer.score(toAnswers(response));
            assertThat(value(outcome, "FI")).isEmpty();
            assertThat(value(outcome, "QL2")).isEmpty();
            assertThat(present(outcome, "SUM")).isCloseTo(200.0 / 3, within(TOLERANCE));
        }

        @Test
        void usesComponentScoresBasedOnTheAnsweredItems() {
            // PF2 with 3 of 5 items and FA with 2 of 3 items are available scale scores. All items 2:
            // PF2 RS 2 -> (1 - 1/3)*100 = 200/3; FA RS 2 -> (1/3)*100 = 100/3, contributing
            // 100 - 100/3 = 200/3; every component 200/3 -> SUM 200/3.
            Map<Integer, Integer> response = c30All(2, 2);
            response.remove(4);
            response.remove(5);
            response.remove(18);
            ScoringOutcome outcome = scorer.score(toAnswers(response));
            assertThat(present(outcome, "PF2")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "FA")).isCloseTo(100.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "SUM")).isCloseTo(200.0 / 3, within(TOLERANCE));
        }

        @ParameterizedTest(name = "without items {1}, {0} is absent and so is SUM")
        @CsvSource({
                "PF2, 1 2 3",
                "RF2, 6 7",
                "EF,  21 22 23",
                "CF,  20 25",
                "SF,  26 27",
                "FA,  10 12",
                "NV,  14 15",
                "PA,  9 19",
                "DY,  8",
                "SL,  11",
                "AP,  13",
                "CO,  16",
                "DI,  17",
        })
        void isAbsentWhenAnyOfTheThirteenScalesIsAbsent(String code, String removedItems) {
            Map<Integer, Integer> response = c30All(2, 2);
            items(removedItems).forEach(response::remove);
            ScoringOutcome outcome = scorer.score(toAnswers(response));
            assertThat(value(outcome, code)).isEmpty();
            assertThat(value(outcome, "SUM")).isEmpty();
        }
    }

    @Nested
    class LungCancerModule {

        @Test
        void scoresAnLc13OnlyResponseWithoutQlqC30Scales() {
            // Items 31-42 = 2 -> each symptom scale (1/3)*100 = 33.33...; item 43 = 2 (unscored).
            List<ItemAnswer> given = new ArrayList<>();
            for (int item = 31; item <= 42; item++) {
                given.add(ItemAnswer.of(item, 2));
            }
            given.add(ItemAnswer.of(43, 2));
            ScoringOutcome.Scored outcome = scored(scorer.score(given));

            assertThat(outcome.scores()).extracting(ScaleScore::code).containsExactly(
                    "LCDY", "LCCO", "LCHA", "LCSM", "LCDS", "LCPN", "LCHR", "LCPC", "LCPA", "LCPO");
            assertThat(outcome.scores()).allSatisfy(score -> {
                assertThat(score.instrumentId()).isEqualTo(EortcInstruments.QLQ_LC13_ID);
                assertThat(score.value().getAsDouble()).isCloseTo(100.0 / 3, within(TOLERANCE));
            });
        }

        @Test
        void dyspnoeaIsTheMeanOfItsThreeItems() {
            // LCDY items 33, 34, 35 = 1, 2, 4 -> RS 7/3 -> ((7/3 - 1)/3)*100 = (4/9)*100 = 400/9
            assertThat(present(scorer.score(answers(33, 1, 34, 2, 35, 4)), "LCDY"))
                    .isCloseTo(400.0 / 9, within(TOLERANCE));
        }

        @ParameterizedTest(name = "LCDY without item {0} is absent")
        @CsvSource({"33", "34", "35"})
        void dyspnoeaNeedsAllThreeItems(int missing) {
            // Manual, QLQ-LC13: the dyspnoea scale is used only if all three items are answered,
            // although two of three would be enough under the general half rule.
            Map<Integer, Integer> response = new LinkedHashMap<>(Map.of(33, 2, 34, 2, 35, 2, 31, 3));
            response.remove(missing);
            ScoringOutcome outcome = scorer.score(toAnswers(response));
            assertThat(value(outcome, "LCDY")).isEmpty();
            // LCCO item 31 = 3 -> (2/3)*100
            assertThat(present(outcome, "LCCO")).isCloseTo(200.0 / 3, within(TOLERANCE));
        }

        @Test
        void anUnscoredDyspnoeaScaleIsReplacedByItsOneAnsweredItem() {
            // Only item 35 of LCDY (33, 34, 35) = 3: 1 of 3 answered, LCDY not scored. Manual,
            // linear transformation of a symptom single item: S = ((RS - 1)/range)*100 with RS 3,
            // range 3 -> (2/3)*100 = 66.67.
            ScoringOutcome outcome = scorer.score(answers(35, 3));
            assertThat(value(outcome, "LCDY")).isEmpty();
            assertThat(present(outcome, "LCDY-item-35")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(scored(outcome).scale("LCDY-item-35").orElseThrow().standIn())
                    .contains(new StandInItem("LCDY", 35));
            assertThat(codes(outcome)).doesNotContain("LCDY-item-33", "LCDY-item-34");
        }

        @Test
        void twoAnsweredDyspnoeaItemsAreReportedSinglyNotAveraged() {
            // Items 33 = 2, 34 = 4, 35 missing: the half rule would score RS 3 -> 66.67, but the
            // manual uses items 3 and 4 of the module as single items when item 5 is missing:
            // 33 -> ((2 - 1)/3)*100 = 33.33, 34 -> ((4 - 1)/3)*100 = 100.
            ScoringOutcome outcome = scorer.score(answers(33, 2, 34, 4));
            assertThat(value(outcome, "LCDY")).isEmpty();
            assertThat(present(outcome, "LCDY-item-33")).isCloseTo(100.0 / 3, within(TOLERANCE));
            assertThat(present(outcome, "LCDY-item-34")).isEqualTo(100.0);
            assertThat(codes(outcome)).doesNotContain("LCDY-item-35");
        }

        @Test
        void aScoredDyspnoeaScaleHasNoSingleItems() {
            // 33, 34, 35 = 2, 4, 3 -> RS 3 -> ((3 - 1)/3)*100 = 66.67
            ScoringOutcome outcome = scorer.score(answers(33, 2, 34, 4, 35, 3));
            assertThat(present(outcome, "LCDY")).isCloseTo(200.0 / 3, within(TOLERANCE));
            assertThat(scored(outcome).scores()).allSatisfy(score -> assertThat(score.standIn()).isEmpty());
        }

        @ParameterizedTest(name = "LCDY items 33, 34, 35 = {0}, {1}, {2} -> {3}")
        @CsvSource({
                // answers to items 33, 34, 35 (0: unanswered), codes reported from LCDY up to LCCO
                "0, 0, 0, LCDY LCCO",
                "1, 0, 0, LCDY LCDY-item-33 LCCO",
                "0, 4, 0, LCDY LCDY-item-34 LCCO",
                "0, 0, 1, LCDY LCDY-item-35 LCCO",
                "1, 0, 4, LCDY LCDY-item-33 LCDY-item-35 LCCO",
                "4, 1, 0, LCDY LCDY-item-33 LCDY-item-34 LCCO",
                "0, 2, 3, LCDY LCDY-item-34 LCDY-item-35 LCCO",
                "1, 1, 1, LCDY LCCO",
        })
        void reportsEachAnsweredDyspnoeaItemRightAfterTheUnscoredScale(int a33, int a34, int a35, String expected) {
            List<ItemAnswer> given = new ArrayList<>(answers(31, 1));
            Map.of(33, a33, 34, a34, 35, a35).forEach((item, answer) -> {
                if (answer > 0) {
                    given.add(ItemAnswer.of(item, answer));
                }
            });
            List<String> codes = codes(scorer.score(given));
            assertThat(codes.subList(0, codes.indexOf("LCCO") + 1)).containsExactly(expected.split(" "));
        }

        @ParameterizedTest(name = "item {0} = {1} alone -> {2}")
        @CsvSource({
                // S = ((answer - 1)/3)*100 at both ends of the 1..4 range
                "33, 1,   0",
                "33, 4, 100",
                "34, 1,   0",
                "35, 4, 100",
        })
        void singleDyspnoeaItemsSpanTheWholeRange(int item, int answer, double expected) {
            assertThat(present(scorer.score(answers(item, answer)), "LCDY-item-" + item)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}: item {1} = {2} -> {3}")
        @CsvSource({
                "LCCO, 31, 1,   0",
                "LCHA, 32, 4, 100",
                "LCSM, 36, 1,   0",
                "LCDS, 37, 4, 100",
                "LCPN, 38, 1,   0",
                "LCHR, 39, 4, 100",
                "LCPC, 40, 4, 100",
                "LCPA, 41, 1,   0",
                "LCPO, 42, 4, 100",
        })
        void singleItemSymptoms(String code, int item, int answer, double expected) {
            // single item: S = ((answer - 1)/3)*100
            assertThat(present(scorer.score(answers(item, answer)), code)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "pain medication answer {0} changes no score")
        @CsvSource({"1", "2"})
        void painMedicationItemIsAcceptedButNotScored(int answer) {
            List<ItemAnswer> without = answers(31, 2, 33, 3, 34, 3, 35, 3, 40, 4);
            List<ItemAnswer> with = new ArrayList<>(without);
            with.add(ItemAnswer.of(43, answer));
            assertThat(scored(scorer.score(with)).scores()).isEqualTo(scored(scorer.score(without)).scores());
        }
    }

    @Nested
    class InstrumentSelection {

        private static final List<String> C30_CODES = List.of(
                "QL2", "PF2", "RF2", "EF", "CF", "SF", "FA", "NV", "PA", "DY", "SL", "AP", "CO", "DI", "FI", "SUM");

        @Test
        void scoresOnlyTheQlqC30WhenOnlyItsItemsAreAnswered() {
            ScoringOutcome.Scored outcome = scored(scorer.score(toAnswers(c30All(1, 7))));
            assertThat(outcome.scores()).extracting(ScaleScore::code).containsExactlyElementsOf(C30_CODES);
            assertThat(outcome.scores()).extracting(ScaleScore::instrumentId).containsOnly(EortcInstruments.QLQ_C30_ID);
        }

        @Test
        void scoresBothInstrumentsInOneResponse() {
            List<ItemAnswer> given = new ArrayList<>(toAnswers(c30All(1, 7)));
            given.addAll(answers(40, 4, 43, 1));
            ScoringOutcome outcome = scorer.score(given);

            assertThat(scored(outcome).scores()).hasSize(16 + 10);
            assertThat(present(outcome, "PF2")).isEqualTo(100.0);
            assertThat(present(outcome, "QL2")).isEqualTo(100.0);
            assertThat(present(outcome, "LCPC")).isEqualTo(100.0);
            assertThat(value(outcome, "LCDY")).isEmpty();
        }

        @Test
        void scoresNothingForAnEmptyResponse() {
            assertThat(scored(scorer.score(List.of())).scores()).isEmpty();
        }

        @Test
        void reportsEveryScaleOfANamedInstrumentAbsentWhenNothingIsAnswered() {
            ScoringOutcome.Scored outcome = scored(scorer.score(Set.of(EortcInstruments.QLQ_C30_ID), List.of()));
            assertThat(outcome.scores()).extracting(ScaleScore::code).containsExactlyElementsOf(C30_CODES);
            assertThat(outcome.scores()).noneMatch(ScaleScore::isPresent);
        }

        @Test
        void rejectsItemsOfAnInstrumentThatIsNotNamed() {
            ScoringOutcome.Rejected outcome = rejected(
                    scorer.score(Set.of(EortcInstruments.QLQ_C30_ID), answers(1, 1, 35, 2)));
            assertThat(outcome.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.item()).isEqualTo("35");
                assertThat(problem.type()).isEqualTo(ValidationProblem.Type.UNKNOWN_ITEM);
                assertThat(problem.message()).contains("'35'", "eortc-qlq-lc13");
            });
        }

        @Test
        void scoresANamedInstrument() {
            ScoringOutcome outcome = scorer.score(Set.of(EortcInstruments.QLQ_LC13_ID), answers(31, 4));
            assertThat(scored(outcome).scores()).hasSize(10);
            assertThat(present(outcome, "LCCO")).isEqualTo(100.0);
        }

        @Test
        void rejectsAnUnknownInstrumentName() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scorer.score(Set.of("eortc-qlq-br23"), List.of()))
                    .withMessageContaining("eortc-qlq-br23");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scorer.score(Set.of(), List.of()));
        }

        @Test
        void findsItsInstrumentsById() {
            assertThat(scorer.instruments()).extracting(InstrumentDefinition::id)
                    .containsExactly(EortcInstruments.QLQ_C30_ID, EortcInstruments.QLQ_LC13_ID);
            assertThat(scorer.instrument(EortcInstruments.QLQ_LC13_ID)).contains(EortcInstruments.qlqLc13());
            assertThat(scorer.instrument("eortc-qlq-br23")).isEmpty();
        }
    }

    @Nested
    class Rejection {

        @ParameterizedTest(name = "item ''{0}'' answered {1} -> {2}")
        @CsvSource({
                "0,   1, UNKNOWN_ITEM",
                "44,  1, UNKNOWN_ITEM",
                "-1,  1, UNKNOWN_ITEM",
                "01,  1, UNKNOWN_ITEM",        // link ids are plain decimals
                "abc, 1, UNKNOWN_ITEM",
                "1,   0, VALUE_OUT_OF_RANGE",
                "1,   5, VALUE_OUT_OF_RANGE",
                "28,  5, VALUE_OUT_OF_RANGE",
                "29,  0, VALUE_OUT_OF_RANGE",
                "29,  8, VALUE_OUT_OF_RANGE",
                "30,  8, VALUE_OUT_OF_RANGE",
                "31,  5, VALUE_OUT_OF_RANGE",
                "42,  0, VALUE_OUT_OF_RANGE",
                "43,  0, VALUE_OUT_OF_RANGE",
                "43,  3, VALUE_OUT_OF_RANGE",
        })
        void rejectsTheResponseNamingTheItem(String item, int answer, ValidationProblem.Type type) {
            List<ItemAnswer> given = new ArrayList<>(answers(2, 1, 3, 1));
            given.add(new ItemAnswer(item, answer));
            ScoringOutcome.Rejected outcome = rejected(scorer.score(given));
            assertThat(outcome.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.item()).isEqualTo(item);
                assertThat(problem.type()).isEqualTo(type);
                assertThat(problem.message()).contains("'" + item + "'");
            });
        }

        @ParameterizedTest(name = "item {0} accepts {1}")
        @CsvSource({"1, 1", "1, 4", "28, 4", "29, 1", "29, 7", "30, 7", "31, 1", "42, 4", "43, 1", "43, 2"})
        void acceptsTheEndsOfEachAnswerRange(int item, int answer) {
            assertThat(scorer.score(answers(item, answer))).isInstanceOf(ScoringOutcome.Scored.class);
        }

        @Test
        void rejectsARepeatedItemOnce() {
            ScoringOutcome.Rejected outcome = rejected(scorer.score(answers(5, 1, 6, 2, 5, 2, 5, 1)));
            assertThat(outcome.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.item()).isEqualTo("5");
                assertThat(problem.type()).isEqualTo(ValidationProblem.Type.DUPLICATE_ITEM);
            });
        }

        @Test
        void rejectsARepeatedItemEvenWithTheSameAnswer() {
            assertThat(rejected(scorer.score(answers(29, 4, 29, 4))).problems())
                    .extracting(ValidationProblem::type).containsExactly(ValidationProblem.Type.DUPLICATE_ITEM);
        }

        @Test
        void reportsEveryProblemInInputOrder() {
            List<ItemAnswer> given = List.of(
                    ItemAnswer.of(1, 9), new ItemAnswer("x", 1), ItemAnswer.of(2, 1), ItemAnswer.of(2, 1),
                    ItemAnswer.of(30, 1));
            ScoringOutcome.Rejected outcome = rejected(scorer.score(given));
            assertThat(outcome.problems()).extracting(ValidationProblem::item, ValidationProblem::type)
                    .containsExactly(
                            tuple("1", ValidationProblem.Type.VALUE_OUT_OF_RANGE),
                            tuple("x", ValidationProblem.Type.UNKNOWN_ITEM),
                            tuple("2", ValidationProblem.Type.DUPLICATE_ITEM));
        }

        @Test
        void rejectsABlankItemIdentifier() {
            assertThatIllegalArgumentException().isThrownBy(() -> new ItemAnswer(" ", 1)).withMessageContaining("' '");
            assertThatIllegalArgumentException().isThrownBy(() -> new ItemAnswer(null, 1));
        }
    }

    @Test
    void reportsScoresInDefinitionOrderQlqC30First() {
        List<ItemAnswer> given = new ArrayList<>(answers(43, 1, 40, 2));
        given.addAll(toAnswers(c30All(2, 2)));
        List<String> codes = scored(scorer.score(given)).scores().stream().map(ScaleScore::code)
                .collect(Collectors.toList());
        assertThat(codes.indexOf("SUM")).isEqualTo(15);
        assertThat(codes.subList(16, codes.size())).startsWith("LCDY", "LCCO");
    }
}
