package org.isotox.schedule.domain;

import java.util.List;

/** The overdue activities of one subject, the longest overdue first. */
public record SubjectOverdue(FollowedSubject subject, List<OverdueActivity> activities) {

    public SubjectOverdue {
        activities = List.copyOf(activities);
    }
}
