package org.isotox.schedule.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which record fulfils which scheduled activity.
 *
 * <p>A record fulfils, for each activity code its kind can fulfil, at most one activity: among the
 * due activities of that code whose window holds the record's date, the one due nearest to that
 * date (the earlier one on a tie). So one visit in the overlap of two windows counts for one of
 * them, while the same visit fulfils both the visit and, say, its toxicity assessment when it is
 * evidence of both. The answer depends only on the records, not on the order they arrived in: an
 * activity that several records could fulfil is credited to the one dated nearest its due day
 * (then the earlier, then by source).
 */
public final class Fulfilments {

    private Fulfilments() {}

    /** The record that fulfils each fulfilled activity, by {@link ScheduledActivity#key()}. */
    public static Map<String, EvidenceRecord> match(List<ScheduledActivity> activities, Collection<EvidenceRecord> records) {
        Map<String, EvidenceRecord> fulfilledBy = new HashMap<>();
        for (EvidenceRecord record : records) {
            for (String code : record.fulfils()) {
                nearestDue(activities, code, record).ifPresent(activity -> fulfilledBy.merge(
                        activity.key(), record, (kept, other) -> closer(activity, kept, other)));
            }
        }
        return fulfilledBy;
    }

    private static Optional<ScheduledActivity> nearestDue(
            List<ScheduledActivity> activities, String code, EvidenceRecord record) {
        return activities.stream()
                .filter(a -> a.isDue() && a.code().equals(code) && a.window().orElseThrow().contains(record.date()))
                .min(Comparator.<ScheduledActivity>comparingLong(a -> a.window().orElseThrow().distanceFromDue(record.date()))
                        .thenComparing(a -> a.window().orElseThrow().due()));
    }

    private static EvidenceRecord closer(ScheduledActivity activity, EvidenceRecord one, EvidenceRecord other) {
        DueWindow window = activity.window().orElseThrow();
        Comparator<EvidenceRecord> nearestFirst = Comparator.<EvidenceRecord>comparingLong(r -> window.distanceFromDue(r.date()))
                .thenComparing(EvidenceRecord::date)
                .thenComparing(EvidenceRecord::source);
        return nearestFirst.compare(one, other) <= 0 ? one : other;
    }
}
