package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days on which a scheduled activity is on time, {@code opens} to {@code closes} inclusive,
 * around the day it is {@code due}. After the window closes it is overdue.
 */
public record DueWindow(LocalDate opens, LocalDate due, LocalDate closes) {

    public DueWindow {
        if (opens.isAfter(due) || due.isAfter(closes)) {
            throw new IllegalArgumentException("window " + opens + " .. " + due + " .. " + closes + " is out of order");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }

    /** Overdue as of {@code asOf}: the window closed before that day. */
    public boolean overdueOn(LocalDate asOf) {
        return asOf.isAfter(closes);
    }

    /** Days since the window closed: 1 on the first day the activity is overdue. */
    public long daysOverdue(LocalDate asOf) {
        return ChronoUnit.DAYS.between(closes, asOf);
    }

    /** How many days {@code day} lies from the due day, either way. */
    public long distanceFromDue(LocalDate day) {
        return Math.abs(ChronoUnit.DAYS.between(due, day));
    }
}
