package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * How far from its due day an activity is still on time: from {@code early} before it to
 * {@code grace} after it, both days included.
 */
public record ActivityWindow(Period early, Period grace) {

    public ActivityWindow {
        if (early == null || grace == null || early.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("a window extends forwards and backwards, not " + early + " / " + grace);
        }
    }

    /** The window around {@code due}; a deadline closes it earlier, never before it opens. */
    public DueWindow around(LocalDate due, Optional<LocalDate> deadline) {
        LocalDate opens = due.minus(early);
        LocalDate closes = due.plus(grace);
        if (deadline.isPresent() && deadline.get().isBefore(closes)) {
            closes = deadline.get().isBefore(opens) ? opens : deadline.get();
        }
        return new DueWindow(opens, due.isAfter(closes) ? closes : due, closes);
    }
}
