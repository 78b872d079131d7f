package org.isotox.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueListTest {

    private static final FollowedSubject FIRST_AT_B = new FollowedSubject("ResearchSubject/1", "Patient/1", "Organization/b", 1);
    private static final FollowedSubject SECOND_AT_A = new FollowedSubject("ResearchSubject/2", "Patient/2", "Organization/a", 2);
    private static final FollowedSubject THIRD_AT_A = new FollowedSubject("ResearchSubject/3", "Patient/3", "Organization/a", 3);

    @Test
    void listsPerSubjectByTheirSiteThenEnrolmentWithWhatClosedBeforeTheDay() {
        List<OpenActivity> open = List.of(
                open(THIRD_AT_A, "Task/31", "follow-up-visit", "2026-05-20"),
                open(FIRST_AT_B, "Task/11", "qol-assessment", "2026-01-05"),
                open(SECOND_AT_A, "Task/21", "response-ct", "2026-08-20"),  // closes 3 September: not yet
                open(SECOND_AT_A, "Task/22", "follow-up-visit", "2026-05-20"),
                open(THIRD_AT_A, "Task/32", "qol-assessment", "2026-02-20"));

        List<SubjectOverdue> overdue = OverdueList.asOf(LocalDate.of(2026, 6, 15), open);

        assertThat(overdue).extracting(SubjectOverdue::subject).containsExactly(SECOND_AT_A, THIRD_AT_A, FIRST_AT_B);
        assertThat(overdue.get(0).activities()).extracting(OverdueActivity::task).containsExactly("Task/22");
        assertThat(overdue.get(1).activities()).containsExactly(
                new OverdueActivity("Task/32", "qol-assessment", "d", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 6), 101),
                new OverdueActivity("Task/31", "follow-up-visit", "d", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 3), 12));
    }

    @Test
    void nothingIsOverdueOnTheLastDayOfItsWindow() {
        List<OpenActivity> open = List.of(open(FIRST_AT_B, "Task/11", "follow-up-visit", "2026-05-20"));

        assertThat(OverdueList.asOf(LocalDate.of(2026, 6, 3), open)).isEmpty();
        assertThat(OverdueList.asOf(LocalDate.of(2026, 6, 4), open).get(0).activities().get(0).daysOverdue()).isEqualTo(1);
    }

    private static OpenActivity open(FollowedSubject subject, String task, String code, String due) {
        LocalDate day = LocalDate.parse(due);
        return new OpenActivity(subject, task, code, "d", new DueWindow(day.minusDays(14), day, day.plusDays(14)));
    }
}
