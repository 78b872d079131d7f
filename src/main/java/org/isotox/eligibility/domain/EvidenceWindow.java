package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The days whose evidence counts for a characteristic: up to the assessment date, and no further back
 * than the characteristic's look-back (when it has one).
 */
public record EvidenceWindow(LocalDate asOf, Optional<Period> lookback) {

    public boolean contains(LocalDate day) {
        return !day.isAfter(asOf) && lookback.map(p -> !day.isBefore(asOf.minus(p))).orElse(true);
    }

    /** Whether an event on {@code day} counts; an undated one counts only when there is no look-back. */
    public boolean covers(Optional<LocalDate> day) {
        return day.map(this::contains).orElse(lookback.isEmpty());
    }

    /** " within 6 months", or nothing without a look-back. */
    String suffix() {
        return lookback.map(p -> " within " + describe(p)).orElse("");
    }

    private static String describe(Period period) {
        long months = period.toTotalMonths();
        int days = period.getDays();
        if (days == 0) {
            return months % 12 == 0 ? plural(months / 12, "year") : plural(months, "month");
        }
        if (months == 0) {
            return days % 7 == 0 ? plural(days / 7, "week") : plural(days, "day");
        }
        return plural(months, "month") + " and " + plural(days, "day");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
