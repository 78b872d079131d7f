package org.isotox.dose.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A pause in a course between two consecutive fractions that goes beyond the routine schedule.
 *
 * @param lastFractionBefore the date of the last fraction before the pause
 * @param resumedOn          the date of the first fraction after it
 */
public record TreatmentInterruption(LocalDate lastFractionBefore, LocalDate resumedOn) {

    public TreatmentInterruption {
        Objects.requireNonNull(lastFractionBefore, "lastFractionBefore");
        Objects.requireNonNull(resumedOn, "resumedOn");
        if (!resumedOn.isAfter(lastFractionBefore)) {
            throw new IllegalArgumentException("an interruption from " + lastFractionBefore
                    + " must end after it, not on " + resumedOn);
        }
    }

    /** Days between the two fraction dates (Monday to the next Monday: 7). */
    public long gapDays() {
        return ChronoUnit.DAYS.between(lastFractionBefore, resumedOn);
    }

    /**
     * The length of the interruption: the calendar days strictly between the two fractions, on
     * which no fraction was given, weekends included (Monday to the next Monday: 6).
     */
    public long daysWithoutTreatment() {
        return gapDays() - 1;
    }
}
