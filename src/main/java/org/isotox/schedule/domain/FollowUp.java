package org.isotox.schedule.domain;

import java.time.LocalDate;

/**
 * Until which day a subject is followed: open-ended, or up to the day follow-up ended (death,
 * withdrawal). Follow-up that ended on a day nobody recorded covers no future activity at all.
 */
public record FollowUp(LocalDate lastDay) {

    private static final FollowUp ONGOING = new FollowUp(LocalDate.MAX);
    private static final FollowUp ENDED_ON_UNKNOWN_DAY = new FollowUp(LocalDate.MIN);

    public static FollowUp ongoing() {
        return ONGOING;
    }

    public static FollowUp endedOn(LocalDate day) {
        return new FollowUp(day);
    }

    public static FollowUp endedOnUnknownDay() {
        return ENDED_ON_UNKNOWN_DAY;
    }

    /** Whether follow-up has not ended: an activity whose day is not known yet may still fall within it. */
    public boolean isOngoing() {
        return lastDay.equals(LocalDate.MAX);
    }

    /** Whether an activity due on {@code day} is still part of the subject's follow-up. */
    public boolean covers(LocalDate day) {
        return !day.isAfter(lastDay);
    }

    /** The follow-up that ends at the earlier of the two ends. */
    public FollowUp and(FollowUp other) {
        return other.lastDay.isBefore(lastDay) ? other : this;
    }
}
