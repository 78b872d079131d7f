package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The schedule of a study plan: every action that falls due for each subject, in plan order. */
public record Schedule(List<PlannedAction> actions) {

    public Schedule {
        actions = List.copyOf(actions);
        if (actions.stream().map(PlannedAction::actionId).distinct().count() != actions.size()) {
            throw new IllegalArgumentException("planned action ids must be unique");
        }
    }

    /**
     * Every activity of a subject, in plan order and by occurrence: dated where its anchor is known,
     * and out of follow-up where it falls due after follow-up ended (or is not dated yet when
     * follow-up has ended already).
     */
    public List<ScheduledActivity> activitiesOf(AnchorDates anchors, FollowUp followUp) {
        List<ScheduledActivity> activities = new ArrayList<>();
        for (PlannedAction action : actions) {
            Optional<LocalDate> deadline = action.deadline().flatMap(d -> d.day(anchors));
            for (int n = 1; n <= action.timing().count(); n++) {
                Optional<DueWindow> window = action.timing().dueDate(anchors, n)
                        .map(due -> action.window().around(due, deadline));
                boolean withinFollowUp = window.map(w -> followUp.covers(w.due())).orElse(followUp.isOngoing());
                activities.add(new ScheduledActivity(action, n, window, withinFollowUp));
            }
        }
        return activities;
    }
}
