package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The follow-up doctor's call list: the open activities whose window closed before a given day,
 * per subject; subjects ordered by site (those without a site last), then by enrolment sequence.
 */
public final class OverdueList {

    private static final Comparator<FollowedSubject> BY_SITE_THEN_SEQUENCE =
            Comparator.comparing(FollowedSubject::site, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(FollowedSubject::sequence)
                    .thenComparing(FollowedSubject::reference);
    private static final Comparator<OverdueActivity> LONGEST_OVERDUE_FIRST =
            Comparator.comparing(OverdueActivity::due).thenComparing(OverdueActivity::scheduled)
                    .thenComparing(OverdueActivity::code).thenComparing(OverdueActivity::task);

    private OverdueList() {}

    public static List<SubjectOverdue> asOf(LocalDate asOf, Collection<OpenActivity> open) {
        Map<FollowedSubject, List<OverdueActivity>> bySubject = open.stream()
                .filter(a -> a.window().overdueOn(asOf))
                .collect(Collectors.groupingBy(
                        OpenActivity::subject,
                        () -> new TreeMap<>(BY_SITE_THEN_SEQUENCE),
                        Collectors.mapping(a -> overdue(a, asOf), Collectors.toList())));
        return bySubject.entrySet().stream()
                .map(e -> new SubjectOverdue(e.getKey(), e.getValue().stream().sorted(LONGEST_OVERDUE_FIRST).toList()))
                .toList();
    }

    private static OverdueActivity overdue(OpenActivity activity, LocalDate asOf) {
        DueWindow window = activity.window();
        return new OverdueActivity(activity.task(), activity.code(), activity.description(), window.due(),
                window.closes(), window.daysOverdue(asOf));
    }
}
