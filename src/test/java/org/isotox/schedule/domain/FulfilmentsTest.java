package org.isotox.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfilmentsTest {

    /** RT ended 20 February 2026: an end-of-RT visit (13 February to 13 March) and a visit a month later (27 February to 3 April). */
    private static final List<ScheduledActivity> ACTIVITIES = new Schedule(List.of(
                    action("end-of-rt", "follow-up-visit", Period.ZERO, 7, 21),
                    action("end-of-rt-qol", "qol-assessment", Period.ZERO, 7, 21),
                    action("visit-1-month", "follow-up-visit", Period.ofMonths(1), 21, 14)))
            .activitiesOf(new AnchorDates(LocalDate.of(2026, 1, 5), Optional.of(LocalDate.of(2026, 1, 12)),
                    Optional.of(LocalDate.of(2026, 2, 20))), FollowUp.ongoing());

    @Test
    void aRecordFulfilsTheActivityOfItsKindDueNearestWithinTheWindows() {
        // 27 February to 13 March lies in both windows
        assertThat(Fulfilments.match(ACTIVITIES, List.of(visit("Encounter/a", "2026-03-02")))).containsOnlyKeys("end-of-rt/1");
        assertThat(Fulfilments.match(ACTIVITIES, List.of(visit("Encounter/b", "2026-03-08")))).containsOnlyKeys("visit-1-month/1");
        // 14 days from either due day: the earlier one
        assertThat(Fulfilments.match(ACTIVITIES, List.of(visit("Encounter/c", "2026-03-06")))).containsOnlyKeys("end-of-rt/1");
    }

    @Test
    void aRecordOutsideEveryWindowOrOfAnotherKindFulfilsNothing() {
        assertThat(Fulfilments.match(ACTIVITIES, List.of(visit("Encounter/early", "2026-02-12")))).isEmpty();
        assertThat(Fulfilments.match(ACTIVITIES, List.of(visit("Encounter/late", "2026-04-04")))).isEmpty();
        assertThat(Fulfilments.match(ACTIVITIES, List.of(new EvidenceRecord("ImagingStudy/ct", LocalDate.of(2026, 2, 20), Set.of("imaging")))))
                .isEmpty();
    }

    @Test
    void oneRecordFulfilsOneActivityOfEachCodeItStandsFor() {
        EvidenceRecord visitWithQuestionnaire =
                new EvidenceRecord("Bundle/x", LocalDate.of(2026, 2, 21), Set.of("follow-up-visit", "qol-assessment"));

        assertThat(Fulfilments.match(ACTIVITIES, List.of(visitWithQuestionnaire))).containsOnlyKeys("end-of-rt/1", "end-of-rt-qol/1");
    }

    @Test
    void ofSeveralRecordsForOneActivityTheOneNearestItsDueDayIsCreditedWhateverTheirOrder() {
        List<EvidenceRecord> records = new ArrayList<>(List.of(
                visit("Encounter/late", "2026-03-26"), visit("Encounter/on-time", "2026-03-19"), visit("Encounter/early", "2026-03-10")));

        for (int shuffle = 0; shuffle < 3; shuffle++) {
            Collections.rotate(records, 1);
            Map<String, EvidenceRecord> fulfilled = Fulfilments.match(ACTIVITIES, records);
            assertThat(fulfilled.get("visit-1-month/1").source()).isEqualTo("Encounter/on-time");
        }
    }

    @Test
    void activitiesOutOfFollowUpAreNotFulfilled() {
        List<ScheduledActivity> endedBeforeTheVisit = new Schedule(List.of(action("visit-1-month", "follow-up-visit", Period.ofMonths(1), 7, 7)))
                .activitiesOf(new AnchorDates(LocalDate.of(2026, 1, 5), Optional.of(LocalDate.of(2026, 1, 12)),
                        Optional.of(LocalDate.of(2026, 2, 20))), FollowUp.endedOn(LocalDate.of(2026, 3, 1)));

        assertThat(Fulfilments.match(endedBeforeTheVisit, List.of(visit("Encounter/x", "2026-03-20")))).isEmpty();
    }

    private static PlannedAction action(String id, String code, Period afterRt, int early, int grace) {
        return new PlannedAction(id, code, id, Timing.once(Anchor.RADIOTHERAPY_END, afterRt),
                new ActivityWindow(Period.ofDays(early), Period.ofDays(grace)), Optional.empty());
    }

    private static EvidenceRecord visit(String source, String date) {
        return new EvidenceRecord(source, LocalDate.parse(date), Set.of("follow-up-visit"));
    }
}
