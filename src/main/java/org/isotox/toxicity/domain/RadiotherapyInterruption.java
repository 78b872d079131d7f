package org.isotox.toxicity.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A break in a radiotherapy course: from the last fraction before it to the first after it, its
 * length in calendar days between those fractions (Monday to the next Monday: 7), and the toxicity
 * that caused it, when the record says so.
 */
public record RadiotherapyInterruption(LocalDate from, LocalDate to, int days, Optional<ToxicityRecord.Term> reason) {

    public RadiotherapyInterruption {
        if (from == null || to == null || reason == null || to.isBefore(from) || days < 0) {
            throw new IllegalArgumentException("an interruption runs from a date to a later one, for days >= 0");
        }
    }

    /**
     * Whether this break counts for {@code record}: when it names the record's term as its reason, the
     * grading must be dated from {@code gradedBefore} days before the break began to its end (a grading
     * long before or after a break does not borrow it); naming no reason, it must span the day the toxicity
     * was assessed (the break coincides with it).
     */
    public boolean isAttributableTo(ToxicityRecord record, int gradedBefore) {
        boolean named = reason.map(record.term()::equals).orElse(false);
        LocalDate earliest = named ? from.minusDays(gradedBefore) : from;
        boolean dated = !record.date().isBefore(earliest) && !record.date().isAfter(to);
        return (named || reason.isEmpty()) && dated;
    }

    /** The record with its interruption days raised to the longest break attributable to it. */
    public static ToxicityRecord attribute(ToxicityRecord record, java.util.List<RadiotherapyInterruption> breaks, int gradedBefore) {
        int longest = breaks.stream()
                .filter(b -> b.isAttributableTo(record, gradedBefore))
                .mapToInt(RadiotherapyInterruption::days)
                .max()
                .orElse(0);
        return longest > record.interruptionDays()
                ? new ToxicityRecord(record.term(), record.grade(), longest, record.date(), record.source())
                : record;
    }
}
