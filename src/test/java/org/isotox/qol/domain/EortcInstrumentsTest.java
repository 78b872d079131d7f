package org.isotox.qol.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EortcInstrumentsTest {

    private static List<Integer> items(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(Integer::valueOf).toList();
    }

    @Nested
    class QlqC30 {

        private final InstrumentDefinition c30 = EortcInstruments.qlqC30();

        @Test
        void isIdentifiedByTheCanonicalTail() {
            assertThat(c30.id()).isEqualTo("eortc-qlq-c30");
        }

        @Test
        void hasItems1To30With4PointAnswersExcept29And30With7Points() {
            // Scoring Manual 3rd ed., table "Scoring the QLQ-C30 version 3.0": item range 3 for
            // items 1-28 (answers 1-4), item range 6 for items 29-30 (answers 1-7).
            assertThat(c30.items()).extracting(ItemDefinition::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
            assertThat(c30.items()).extracting(ItemDefinition::linkId).startsWith("1", "2").endsWith("30");
            assertThat(c30.items().subList(0, 28)).allSatisfy(item ->
                    assertThat(item.answers()).isEqualTo(new AnswerRange(1, 4)));
            assertThat(c30.item(29).orElseThrow().answers().values()).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(c30.item(30).orElseThrow().answers().range()).isEqualTo(6);
        }

        @ParameterizedTest(name = "{0} {1}: items {2}")
        @CsvSource({
                // Scoring Manual 3rd ed., table "Scoring the QLQ-C30 version 3.0" (scale, kind, items)
                "QL2, GLOBAL_HEALTH_STATUS, 29 30",
                "PF2, FUNCTIONAL,           1 2 3 4 5",
                "RF2, FUNCTIONAL,           6 7",
                "EF,  FUNCTIONAL,           21 22 23 24",
                "CF,  FUNCTIONAL,           20 25",
                "SF,  FUNCTIONAL,           26 27",
                "FA,  SYMPTOM,              10 12 18",
                "NV,  SYMPTOM,              14 15",
                "PA,  SYMPTOM,              9 19",
                "DY,  SYMPTOM,              8",
                "SL,  SYMPTOM,              11",
                "AP,  SYMPTOM,              13",
                "CO,  SYMPTOM,              16",
                "DI,  SYMPTOM,              17",
                "FI,  SYMPTOM,              28",
        })
        void definesTheManualsScale(String code, ScaleKind kind, String itemList) {
            ScaleDefinition scale = c30.scale(code).orElseThrow();
            assertThat(scale.kind()).isEqualTo(kind);
            assertThat(scale.items()).containsExactlyElementsOf(items(itemList));
            assertThat(scale.completeness()).isEqualTo(CompletenessRule.AT_LEAST_HALF);
        }

        @Test
        void reportsTheFifteenScalesInTheManualsOrder() {
            assertThat(c30.scales()).extracting(ScaleDefinition::code).containsExactly(
                    "QL2", "PF2", "RF2", "EF", "CF", "SF", "FA", "NV", "PA", "DY", "SL", "AP", "CO", "DI", "FI");
        }

        @Test
        void usesEveryItemInExactlyOneScale() {
            Map<Integer, Integer> uses = new HashMap<>();
            c30.scales().forEach(scale -> scale.items().forEach(item -> uses.merge(item, 1, Integer::sum)));
            assertThat(uses).hasSize(30).allSatisfy((item, count) -> assertThat(count).isEqualTo(1));
            assertThat(c30.unscoredItems()).isEmpty();
        }

        @Test
        void definesTheSummaryScoreOverThirteenScales() {
            // Giesinger et al. 2016: all scales except global health status (QL2) and financial
            // difficulties (FI); computed only when all 13 are available.
            SummaryScoreDefinition sum = c30.summaries().get(0);
            assertThat(c30.summaries()).hasSize(1);
            assertThat(sum.code()).isEqualTo("SUM");
            assertThat(sum.components()).containsExactlyInAnyOrder(
                    "PF2", "RF2", "SF", "EF", "CF", "FA", "PA", "NV", "DY", "SL", "AP", "CO", "DI");
            assertThat(sum.components()).doesNotContain("QL2", "FI");
            assertThat(sum.completeness()).isEqualTo(CompletenessRule.ALL);
        }
    }

    @Nested
    class QlqLc13 {

        private final InstrumentDefinition lc13 = EortcInstruments.qlqLc13();

        @Test
        void isIdentifiedByTheCanonicalTail() {
            assertThat(lc13.id()).isEqualTo("eortc-qlq-lc13");
        }

        @Test
        void numbersItsThirteenItemsAfterTheQlqC30() {
            // LC13 item k is administered as item 30 + k.
            assertThat(lc13.items()).extracting(ItemDefinition::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(31, 43).boxed().toList());
            assertThat(lc13.items().subList(0, 12)).allSatisfy(item ->
                    assertThat(item.answers()).isEqualTo(new AnswerRange(1, 4)));
        }

        @Test
        void acceptsNoOrYesForThePainMedicationItemAndDoesNotScoreIt() {
            ItemDefinition painMedication = lc13.item(43).orElseThrow();
            assertThat(painMedication.answers().values()).containsExactly(1, 2);
            assertThat(lc13.unscoredItems()).containsExactly(painMedication);
        }

        @ParameterizedTest(name = "{0}: items {1}")
        @CsvSource({
                // Scoring Manual 3rd ed., lung cancer module table (LC13 item k = item 30 + k)
                "LCDY, 33 34 35",
                "LCCO, 31",
                "LCHA, 32",
                "LCSM, 36",
                "LCDS, 37",
                "LCPN, 38",
                "LCHR, 39",
                "LCPC, 40",
                "LCPA, 41",
                "LCPO, 42",
        })
        void definesTheManualsSymptomScale(String code, String itemList) {
            ScaleDefinition scale = lc13.scale(code).orElseThrow();
            assertThat(scale.kind()).isEqualTo(ScaleKind.SYMPTOM);
            assertThat(scale.items()).containsExactlyElementsOf(items(itemList));
        }

        @Test
        void scoresDyspnoeaOnlyWithAllThreeItemsAndSingleItemsWhenAnswered() {
            // Manual, QLQ-LC13 notes: the dyspnoea scale is used only if all three items are answered.
            assertThat(lc13.scale("LCDY").orElseThrow().completeness()).isEqualTo(CompletenessRule.ALL);
            assertThat(lc13.scales()).filteredOn(scale -> !scale.code().equals("LCDY"))
                    .hasSize(9)
                    .allSatisfy(scale -> assertThat(scale.completeness()).isEqualTo(CompletenessRule.AT_LEAST_HALF));
        }

        @Test
        void reportsTheAnsweredDyspnoeaItemsWhenTheDyspnoeaScaleIsNotScored() {
            // Manual, QLQ-LC13 notes: the answered dyspnoea items are then used as single items.
            assertThat(lc13.scale("LCDY").orElseThrow().whenUnscored()).isEqualTo(WhenUnscored.REPORT_ANSWERED_ITEMS);
            assertThat(EortcInstruments.all()).flatExtracting(InstrumentDefinition::scales)
                    .filteredOn(scale -> !scale.code().equals("LCDY"))
                    .allSatisfy(scale -> assertThat(scale.whenUnscored()).isEqualTo(WhenUnscored.REPORT_NOTHING));
            assertThat(lc13.codes()).startsWith("LCDY", "LCDY-item-33", "LCDY-item-34", "LCDY-item-35", "LCCO")
                    .hasSize(13);
        }

        @Test
        void hasNoSummaryScore() {
            assertThat(lc13.summaries()).isEmpty();
        }
    }

    @Test
    void listsBothInstrumentsQlqC30First() {
        assertThat(EortcInstruments.all()).extracting(InstrumentDefinition::id)
                .containsExactly(EortcInstruments.QLQ_C30_ID, EortcInstruments.QLQ_LC13_ID);
    }

    @Test
    void buildsEqualValuesOnEveryCall() {
        assertThat(EortcInstruments.qlqC30()).isEqualTo(EortcInstruments.qlqC30());
        assertThat(EortcInstruments.qlqLc13()).isEqualTo(EortcInstruments.qlqLc13());
    }
}
