package org.isotox.qol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instrument definitions are data; malformed data is refused when the value is built. */
class DefinitionValidationTest {

    private static final AnswerRange FOUR_POINT = new AnswerRange(1, 4);
    private static final AnswerRange SEVEN_POINT = new AnswerRange(1, 7);

    private static List<ItemDefinition> fourPointItems(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(number -> new ItemDefinition(number, FOUR_POINT)).toList();
    }

    @Nested
    class Answers {

        @ParameterizedTest(name = "{0}..{1} is refused")
        @CsvSource({"4, 1", "1, 1", "0, -1"})
        void refusesEmptyOrSinglePointRanges(int min, int max) {
            assertThatIllegalArgumentException().isThrownBy(() -> new AnswerRange(min, max))
                    .withMessageContaining("max " + max).withMessageContaining("min " + min);
        }

        @Test
        void describesItsRange() {
            assertThat(FOUR_POINT.range()).isEqualTo(3);
            assertThat(SEVEN_POINT.range()).isEqualTo(6);
            assertThat(FOUR_POINT.values()).containsExactly(1, 2, 3, 4);
            assertThat(FOUR_POINT.contains(0)).isFalse();
            assertThat(FOUR_POINT.contains(1)).isTrue();
            assertThat(FOUR_POINT.contains(4)).isTrue();
            assertThat(FOUR_POINT.contains(5)).isFalse();
        }

        @Test
        void refusesItemNumbersBelowOne() {
            assertThatIllegalArgumentException().isThrownBy(() -> new ItemDefinition(0, FOUR_POINT))
                    .withMessageContaining("was 0");
            assertThat(new ItemDefinition(31, FOUR_POINT).linkId()).isEqualTo("31");
        }
    }

    @Nested
    class Scales {

        @Test
        void refusesABlankCode() {
            assertThatIllegalArgumentException().isThrownBy(() -> ScaleDefinition.of(" ", ScaleKind.SYMPTOM, 1));
        }

        @Test
        void refusesAScaleWithoutItems() {
            assertThatIllegalArgumentException().isThrownBy(() -> ScaleDefinition.of("XX", ScaleKind.SYMPTOM))
                    .withMessageContaining("XX");
        }

        @Test
        void refusesARepeatedItem() {
            assertThatIllegalArgumentException().isThrownBy(() -> ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 1, 2, 1))
                    .withMessageContaining("XX").withMessageContaining("[1, 2, 1]");
        }

        @Test
        void namesTheItemsThatMayStandInForIt() {
            ScaleDefinition reporting = new ScaleDefinition("XX", ScaleKind.SYMPTOM, List.of(3, 4),
                    CompletenessRule.ALL, WhenUnscored.REPORT_ANSWERED_ITEMS);
            assertThat(reporting.standIns()).extracting(StandInItem::code).containsExactly("XX-item-3", "XX-item-4");
            assertThat(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 3, 4).standIns()).isEmpty();
            assertThat(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 3, 4).whenUnscored())
                    .isEqualTo(WhenUnscored.REPORT_NOTHING);
        }

        @Test
        void refusesASummaryWithoutOrWithRepeatedComponents() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SummaryScoreDefinition("S", List.of(), CompletenessRule.ALL));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SummaryScoreDefinition("S", List.of("A", "A"), CompletenessRule.ALL))
                    .withMessageContaining("[A, A]");
        }
    }

    @Nested
    class Instruments {

        @Test
        void refusesAScaleOverAnUnknownItem() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 3),
                            List.of(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 3, 4)), List.of()))
                    .withMessageContaining("XX").withMessageContaining("unknown item 4");
        }

        @Test
        void refusesAScaleMixingAnswerRanges() {
            List<ItemDefinition> items = List.of(new ItemDefinition(1, FOUR_POINT), new ItemDefinition(2, SEVEN_POINT));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", items,
                            List.of(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 1, 2)), List.of()))
                    .withMessageContaining("XX").withMessageContaining("1..4").withMessageContaining("1..7");
        }

        @Test
        void refusesARepeatedItemNumber() {
            List<ItemDefinition> items = List.of(new ItemDefinition(1, FOUR_POINT), new ItemDefinition(1, SEVEN_POINT));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", items, List.of(), List.of()))
                    .withMessageContaining("item 1 twice");
        }

        @Test
        void refusesARepeatedCode() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 2),
                            List.of(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 1),
                                    ScaleDefinition.of("XX", ScaleKind.FUNCTIONAL, 2)), List.of()))
                    .withMessageContaining("code XX twice");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 1),
                            List.of(ScaleDefinition.of("XX", ScaleKind.SYMPTOM, 1)),
                            List.of(new SummaryScoreDefinition("XX", List.of("XX"), CompletenessRule.ALL))))
                    .withMessageContaining("code XX twice");
        }

        @Test
        void refusesAScaleCodeThatIsAlsoAStandInItemsCode() {
            List<ScaleDefinition> scales = List.of(
                    new ScaleDefinition("XX", ScaleKind.SYMPTOM, List.of(1, 2), CompletenessRule.ALL,
                            WhenUnscored.REPORT_ANSWERED_ITEMS),
                    ScaleDefinition.of("XX-item-2", ScaleKind.SYMPTOM, 2));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 2), scales, List.of()))
                    .withMessageContaining("code XX-item-2 twice");
        }

        @Test
        void refusesASummaryOverAnUnknownOrGlobalHealthScale() {
            List<ScaleDefinition> scales = List.of(
                    ScaleDefinition.of("A", ScaleKind.SYMPTOM, 1),
                    ScaleDefinition.of("G", ScaleKind.GLOBAL_HEALTH_STATUS, 2));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 2), scales,
                            List.of(new SummaryScoreDefinition("S", List.of("A", "B"), CompletenessRule.ALL))))
                    .withMessageContaining("unknown scale B");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", fourPointItems(1, 2), scales,
                            List.of(new SummaryScoreDefinition("S", List.of("A", "G"), CompletenessRule.ALL))))
                    .withMessageContaining("global health status scale G");
        }

        @Test
        void refusesABlankIdOrNoItems() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition(" ", fourPointItems(1, 1), List.of(), List.of()));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InstrumentDefinition("t", List.of(), List.of(), List.of()))
                    .withMessageContaining("t");
        }

        @Test
        void sortsItemsByNumber() {
            List<ItemDefinition> items = List.of(new ItemDefinition(2, FOUR_POINT), new ItemDefinition(1, FOUR_POINT));
            assertThat(new InstrumentDefinition("t", items, List.of(), List.of()).items())
                    .extracting(ItemDefinition::number).containsExactly(1, 2);
        }
    }

    @Nested
    class Scorers {

        @Test
        void refusesNoInstruments() {
            assertThatIllegalArgumentException().isThrownBy(() -> new EortcScorer(List.of()));
        }

        @Test
        void refusesTheSameInstrumentTwice() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EortcScorer(List.of(EortcInstruments.qlqLc13(), EortcInstruments.qlqLc13())))
                    .withMessageContaining("eortc-qlq-lc13");
        }

        @Test
        void refusesInstrumentsSharingAnItemNumber() {
            InstrumentDefinition overlapping = new InstrumentDefinition("other", fourPointItems(30, 31),
                    List.of(ScaleDefinition.of("OT", ScaleKind.SYMPTOM, 30)), List.of());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EortcScorer(List.of(EortcInstruments.qlqC30(), overlapping)))
                    .withMessageContaining("item 30").withMessageContaining("eortc-qlq-c30")
                    .withMessageContaining("other");
        }

        @Test
        void refusesInstrumentsSharingAScaleCode() {
            InstrumentDefinition clashing = new InstrumentDefinition("other", fourPointItems(50, 50),
                    List.of(ScaleDefinition.of("PF2", ScaleKind.FUNCTIONAL, 50)), List.of());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EortcScorer(List.of(EortcInstruments.qlqC30(), clashing)))
                    .withMessageContaining("PF2");
        }
    }

    @Nested
    class Results {

        @ParameterizedTest(name = "score {0} is refused")
        @CsvSource({"-0.5", "100.5", "NaN"})
        void refusesScoresOutside0To100(double value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ScaleScore("t", "XX", OptionalDouble.of(value)))
                    .withMessageContaining("XX");
        }

        @Test
        void refusesAStandInItemScoreUnderAnotherCodeOrWithoutValue() {
            StandInItem standIn = new StandInItem("XX", 3);
            assertThat(ScaleScore.standingIn("t", standIn, 50.0).code()).isEqualTo("XX-item-3");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ScaleScore("t", "XX", OptionalDouble.of(50.0), Optional.of(standIn)))
                    .withMessageContaining("XX-item-3");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ScaleScore("t", "XX-item-3", OptionalDouble.empty(), Optional.of(standIn)));
            assertThatIllegalArgumentException().isThrownBy(() -> new StandInItem("XX", 0));
        }

        @Test
        void refusesARejectionWithoutProblems() {
            assertThatIllegalArgumentException().isThrownBy(() -> new ScoringOutcome.Rejected(List.of()));
        }
    }
}
