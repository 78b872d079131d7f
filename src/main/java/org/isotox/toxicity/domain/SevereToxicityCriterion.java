package org.isotox.toxicity.domain;

import java.util.OptionalInt;

/**
 * One way of meeting a study's severe-toxicity definition: a CTCAE term at or above a grade,
 * optionally only when it interrupted radiotherapy for at least some days
 * (IHR: pneumonitis grade 3 or more; esophagitis grade 4 or more; esophagitis grade 3 that
 * interrupted radiotherapy for 7 days or more).
 */
public record SevereToxicityCriterion(ToxicityRecord.Term term, int minimumGrade, OptionalInt minimumInterruptionDays) {

    public SevereToxicityCriterion {
        if (term == null || minimumInterruptionDays == null) {
            throw new IllegalArgumentException("a criterion needs a term (and an interruption, possibly empty)");
        }
        if (minimumGrade < 1 || minimumGrade > 5) {
            throw new IllegalArgumentException("minimum grade must be 1 to 5, was " + minimumGrade);
        }
    }

    public boolean isMetBy(ToxicityRecord record) {
        return record.term().equals(term)
                && record.grade() >= minimumGrade
                && record.interruptionDays() >= minimumInterruptionDays.orElse(0);
    }
}
