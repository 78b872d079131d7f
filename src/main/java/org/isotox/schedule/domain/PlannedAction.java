package org.isotox.schedule.domain;

import java.util.Optional;

/**
 * An action of the study plan that falls due for every subject: a visit, or what is done at it (a
 * questionnaire, a CT), or an assessment on its own. {@code actionId} names it in the plan,
 * {@code code} says what kind of activity it is.
 */
public record PlannedAction(
        String actionId, String code, String title, Timing timing, ActivityWindow window, Optional<Deadline> deadline) {

    public PlannedAction {
        if (actionId == null || actionId.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a planned action needs an id and a code");
        }
        if (timing == null || window == null || deadline == null) {
            throw new IllegalArgumentException("planned action " + actionId + " needs a timing and a window");
        }
    }
}
