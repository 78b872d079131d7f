package org.isotox.qol.domain;

import static org.isotox.qol.domain.ScaleKind.FUNCTIONAL;
import static org.isotox.qol.domain.ScaleKind.GLOBAL_HEALTH_STATUS;
import static org.isotox.qol.domain.ScaleKind.SYMPTOM;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of the EORTC QLQ-C30 (version 3.0) and QLQ-LC13 as data: item numbers, answer
 * ranges and scales only. Item wording is copyrighted by the EORTC and is deliberately absent.
 *
 * <p>Items are numbered as administered together: QLQ-C30 items 1-30, QLQ-LC13 item k is 30 + k
 * (31-43), the numbering of EORTC's own SAS scoring macro for the lung module ({@code %lcscore30}).
 */
public final class EortcInstruments {

    public static final String QLQ_C30_ID = "eortc-qlq-c30";
    public static final String QLQ_LC13_ID = "eortc-qlq-lc13";

    /** Number of QLQ-C30 items; QLQ-LC13 item k is administered as item QLQ_C30_ITEMS + k. */
    private static final int QLQ_C30_ITEMS = 30;

    private static final AnswerRange FOUR_POINT = new AnswerRange(1, 4);
    private static final AnswerRange SEVEN_POINT = new AnswerRange(1, 7);
    private static final AnswerRange NO_YES = new AnswerRange(1, 2);

    private EortcInstruments() {
    }

    /**
     * QLQ-C30 version 3.0. Scales, kinds, item numbers and item ranges as in the table "Scoring
     * the QLQ-C30 version 3.0" of the EORTC QLQ-C30 Scoring Manual, 3rd ed. (Fayers et al. 2001);
     * summary score SUM as in Giesinger et al., J Clin Epidemiol 2016;69:79-88.
     */
    public static InstrumentDefinition qlqC30() {
        List<ItemDefinition> items = new ArrayList<>();
        for (int number = 1; number <= 28; number++) {
            items.add(new ItemDefinition(number, FOUR_POINT));
        }
        items.add(new ItemDefinition(29, SEVEN_POINT));
        items.add(new ItemDefinition(30, SEVEN_POINT));

        List<ScaleDefinition> scales = List.of(
                ScaleDefinition.of("QL2", GLOBAL_HEALTH_STATUS, 29, 30),
                ScaleDefinition.of("PF2", FUNCTIONAL, 1, 2, 3, 4, 5),
                ScaleDefinition.of("RF2", FUNCTIONAL, 6, 7),
                ScaleDefinition.of("EF", FUNCTIONAL, 21, 22, 23, 24),
                ScaleDefinition.of("CF", FUNCTIONAL, 20, 25),
                ScaleDefinition.of("SF", FUNCTIONAL, 26, 27),
                ScaleDefinition.of("FA", SYMPTOM, 10, 12, 18),
                ScaleDefinition.of("NV", SYMPTOM, 14, 15),
                ScaleDefinition.of("PA", SYMPTOM, 9, 19),
                ScaleDefinition.of("DY", SYMPTOM, 8),
                ScaleDefinition.of("SL", SYMPTOM, 11),
                ScaleDefinition.of("AP", SYMPTOM, 13),
                ScaleDefinition.of("CO", SYMPTOM, 16),
                ScaleDefinition.of("DI", SYMPTOM, 17),
                ScaleDefinition.of("FI", SYMPTOM, 28));

        // Giesinger 2016: the 13 scales other than QL2 and FI; EORTC's summary-score guidance
        // computes it only when all 13 scale scores are available.
        SummaryScoreDefinition summary = new SummaryScoreDefinition("SUM",
                List.of("PF2", "RF2", "SF", "EF", "CF", "FA", "PA", "NV", "DY", "SL", "AP", "CO", "DI"),
                CompletenessRule.ALL);

        return new InstrumentDefinition(QLQ_C30_ID, items, scales, List.of(summary));
    }

    /**
     * QLQ-LC13 (Bergman et al., Eur J Cancer 1994;30A:635-642). Scales as in the lung cancer module
     * table of the Scoring Manual, 3rd ed. All scored items are 1..4; item 13 (pain medication,
     * no = 1 / yes = 2) belongs to no scale and is not scored.
     */
    public static InstrumentDefinition qlqLc13() {
        List<ItemDefinition> items = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            items.add(new ItemDefinition(lc13(k), FOUR_POINT));
        }
        items.add(new ItemDefinition(lc13(13), NO_YES));

        List<ScaleDefinition> scales = List.of(
                // Manual, QLQ-LC13 notes: the dyspnoea scale is used only if all three items are
                // answered; item 5 is often skipped for reasons of its own and a mean of the other
                // two would be biased (EORTC's SAS macro likewise requires all three). The answered
                // items are then used as single-item measures instead.
                new ScaleDefinition("LCDY", SYMPTOM, List.of(lc13(3), lc13(4), lc13(5)), CompletenessRule.ALL,
                        WhenUnscored.REPORT_ANSWERED_ITEMS),
                ScaleDefinition.of("LCCO", SYMPTOM, lc13(1)),
                ScaleDefinition.of("LCHA", SYMPTOM, lc13(2)),
                ScaleDefinition.of("LCSM", SYMPTOM, lc13(6)),
                ScaleDefinition.of("LCDS", SYMPTOM, lc13(7)),
                ScaleDefinition.of("LCPN", SYMPTOM, lc13(8)),
                ScaleDefinition.of("LCHR", SYMPTOM, lc13(9)),
                ScaleDefinition.of("LCPC", SYMPTOM, lc13(10)),
                ScaleDefinition.of("LCPA", SYMPTOM, lc13(11)),
                ScaleDefinition.of("LCPO", SYMPTOM, lc13(12)));

        return new InstrumentDefinition(QLQ_LC13_ID, items, scales, List.of());
    }

    /** Both instruments, QLQ-C30 first. */
    public static List<InstrumentDefinition> all() {
        return List.of(qlqC30(), qlqLc13());
    }

    private static int lc13(int moduleItem) {
        return QLQ_C30_ITEMS + moduleItem;
    }
}
