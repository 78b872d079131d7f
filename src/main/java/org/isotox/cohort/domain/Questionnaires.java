package org.isotox.cohort.domain;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.isotox.cohort.domain.SyntheticSubject.Answers;
import org.isotox.qol.domain.AnswerRange;
import org.isotox.qol.domain.EortcInstruments;
import org.isotox.qol.domain.InstrumentDefinition;
import org.isotox.qol.domain.ItemDefinition;

/**
 * Complete EORTC QLQ-C30 and QLQ-LC13 answers, by item number only, each in its item's answer
 * range, drawn around a symptom burden between 0 (none) and 1 (worst). On the 1-7 global health
 * items (QLQ-C30 29-30) a higher answer is better; on every other item a higher answer is worse.
 */
final class Questionnaires {

    private static final int GLOBAL_HEALTH_MAX = 7;

    private Questionnaires() {}

    static Answers answers(SplittableRandom random, double burden) {
        return new Answers(answers(EortcInstruments.qlqC30(), random, burden), answers(EortcInstruments.qlqLc13(), random, burden));
    }

    private static Map<Integer, Integer> answers(InstrumentDefinition instrument, SplittableRandom random, double burden) {
        Map<Integer, Integer> answers = new TreeMap<>();
        for (ItemDefinition item : instrument.items()) {
            AnswerRange range = item.answers();
            int steps = (int) Math.round(range.range() * noisy(random, burden));
            answers.put(item.number(), range.max() == GLOBAL_HEALTH_MAX ? range.max() - steps : range.min() + steps);
        }
        return answers;
    }

    private static double noisy(SplittableRandom random, double burden) {
        return Math.max(0, Math.min(1, burden + (random.nextDouble() - 0.5) * 0.4));
    }
}
