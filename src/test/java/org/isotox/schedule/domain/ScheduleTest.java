package org.isotox.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ActivityWindow TWO_WEEKS = new ActivityWindow(Period.ofDays(14), Period.ofDays(14));
    private static final PlannedAction BASELINE = new PlannedAction("qol-baseline", "qol-assessment", "Baseline",
            Timing.once(Anchor.ENROLMENT, Period.ZERO), new ActivityWindow(Period.ofDays(14), Period.ofDays(7)),
            Optional.of(new Deadline(Anchor.RADIOTHERAPY_START, Period.ZERO)));
    private static final PlannedAction WEEK_4 = new PlannedAction("qol-week-4", "qol-assessment", "Week 4",
            Timing.once(Anchor.RADIOTHERAPY_START, Period.ofWeeks(4)), TWO_WEEKS, Optional.empty());
    private static final PlannedAction VISITS = new PlannedAction("visits", "follow-up-visit", "Visits",
            new Timing(Anchor.RADIOTHERAPY_END, Period.ofMonths(3), 3, Period.ofMonths(3)), TWO_WEEKS, Optional.empty());
    private static final Schedule SCHEDULE = new Schedule(List.of(BASELINE, WEEK_4, VISITS));

    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);

    @Test
    void atEnrolmentOnlyTheBaselineIsDatedButEveryOccurrenceIsPlanned() {
        List<ScheduledActivity> activities = SCHEDULE.activitiesOf(AnchorDates.enrolledOn(ENROLLED), FollowUp.ongoing());

        assertThat(activities).extracting(ScheduledActivity::key)
                .containsExactly("qol-baseline/1", "qol-week-4/1", "visits/1", "visits/2", "visits/3");
        assertThat(activities).filteredOn(ScheduledActivity::isDue).extracting(ScheduledActivity::key)
                .containsExactly("qol-baseline/1");
        assertThat(activities.get(0).window()).contains(
                new DueWindow(LocalDate.of(2025, 12, 22), ENROLLED, LocalDate.of(2026, 1, 12)));
    }

    @Test
    void radiotherapyDatesTheRestAndItsStartClosesTheBaselineWindow() {
        AnchorDates anchors = new AnchorDates(ENROLLED, Optional.of(LocalDate.of(2026, 1, 9)), Optional.of(LocalDate.of(2026, 2, 20)));

        List<ScheduledActivity> activities = SCHEDULE.activitiesOf(anchors, FollowUp.ongoing());

        assertThat(activities).allMatch(ScheduledActivity::isDue);
        assertThat(activities).extracting(a -> a.window().orElseThrow().due()).containsExactly(
                ENROLLED, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 5, 20), LocalDate.of(2026, 8, 20), LocalDate.of(2026, 11, 20));
        assertThat(activities.get(0).window().orElseThrow().closes()).isEqualTo(LocalDate.of(2026, 1, 9));
    }

    @Test
    void activitiesDueAfterFollowUpEndedAreOutOfIt() {
        AnchorDates anchors = new AnchorDates(ENROLLED, Optional.of(LocalDate.of(2026, 1, 12)), Optional.of(LocalDate.of(2026, 2, 20)));

        List<ScheduledActivity> activities = SCHEDULE.activitiesOf(anchors, FollowUp.endedOn(LocalDate.of(2026, 8, 20)));

        assertThat(activities).filteredOn(a -> !a.withinFollowUp()).extracting(ScheduledActivity::key)
                .containsExactly("visits/3");
        assertThat(activities).filteredOn(a -> a.key().equals("visits/2")).allMatch(ScheduledActivity::isDue);
    }

    @Test
    void whenFollowUpEndedBeforeAnAnchorWhatCountsFromItWillNotFallDue() {
        List<ScheduledActivity> activities = SCHEDULE.activitiesOf(
                AnchorDates.enrolledOn(ENROLLED), FollowUp.endedOn(LocalDate.of(2026, 1, 8)));

        assertThat(activities).filteredOn(ScheduledActivity::withinFollowUp).extracting(ScheduledActivity::key)
                .containsExactly("qol-baseline/1");
        assertThat(SCHEDULE.activitiesOf(AnchorDates.enrolledOn(ENROLLED), FollowUp.endedOnUnknownDay()))
                .noneMatch(ScheduledActivity::withinFollowUp);
    }
}
