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
     * Whether this break counts for {@code record}: it names the record's term as its reason, or,
     * naming no reason, it spans the day the toxicity was assessed (the break coincides with it).
     */
    public boolean isAttributableTo(ToxicityRecord record) {
        return reason.map(record.term()::equals)
                .orElse(!record.date().isBefore(from) && !record.date().isAfter(to));
    }

    /** The record with its interruption days raised to the longest break attributable to it. */
    public static ToxicityRecord attribute(ToxicityRecord record, java.util.List<RadiotherapyInterruption> breaks) {
        int longest = breaks.stream()
                .filter(b -> b.isAttributableTo(record))
                .mapToInt(RadiotherapyInterruption::days)
                .max()
                .orElse(0);
        return longest > record.interruptionDays()
                ? new ToxicityRecord(record.term(), record.grade(), longest, record.date(), record.source())
                : record;
    }
}
