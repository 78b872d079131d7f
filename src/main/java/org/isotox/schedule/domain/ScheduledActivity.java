package org.isotox.schedule.domain;

import java.util.Optional;

/**
 * Occurrence {@code occurrence} of a planned action for one subject. Its window is known once the
 * anchor it counts from is; {@code withinFollowUp} is false when it falls due after the subject's
 * follow-up ended, or cannot be dated any more because follow-up ended before its anchor.
 */
public record ScheduledActivity(PlannedAction action, int occurrence, Optional<DueWindow> window, boolean withinFollowUp) {

    /** Stable name of the activity within a subject's schedule: action id and occurrence. */
    public String key() {
        return action.actionId() + "/" + occurrence;
    }

    public String code() {
        return action.code();
    }

    public int occurrences() {
        return action.timing().count();
    }

    /** Dated and part of the subject's follow-up: the activity is to be done in its window. */
    public boolean isDue() {
        return window.isPresent() && withinFollowUp;
    }
}
