package org.isotox.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueWindowTest {

    /** A visit due 20 May 2026 with 14 days either side: on time from 6 May to 3 June. */
    private static final DueWindow VISIT =
            new ActivityWindow(Period.ofDays(14), Period.ofDays(14)).around(LocalDate.of(2026, 5, 20), Optional.empty());

    @Test
    void theWindowRunsFromEarlyBeforeToGraceAfterTheDueDay() {
        assertThat(VISIT).isEqualTo(new DueWindow(LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 3)));
    }

    @ParameterizedTest(name = "{0}: in the window {1}")
    @CsvSource({
        "2026-05-05, false",
        "2026-05-06, true",
        "2026-05-20, true",
        "2026-06-03, true",
        "2026-06-04, false",
    })
    void bothEndsOfTheWindowAreOnTime(LocalDate day, boolean onTime) {
        assertThat(VISIT.contains(day)).isEqualTo(onTime);
    }

    @ParameterizedTest(name = "as of {0}: overdue {1}, by {2} days")
    @CsvSource({
        "2026-05-20, false, -14",
        "2026-06-03, false, 0",   // the last day of grace: not overdue yet
        "2026-06-04, true,  1",
        "2026-06-15, true,  12",
    })
    void overdueFromTheDayAfterTheWindowCloses(LocalDate asOf, boolean overdue, long days) {
        assertThat(VISIT.overdueOn(asOf)).isEqualTo(overdue);
        assertThat(VISIT.daysOverdue(asOf)).isEqualTo(days);
    }

    @Test
    void aDeadlineClosesTheWindowEarlierButNeverBeforeItOpens() {
        ActivityWindow baseline = new ActivityWindow(Period.ofDays(14), Period.ofDays(7));
        LocalDate enrolment = LocalDate.of(2026, 1, 5);

        assertThat(baseline.around(enrolment, Optional.of(LocalDate.of(2026, 1, 8))))
                .isEqualTo(new DueWindow(LocalDate.of(2025, 12, 22), enrolment, LocalDate.of(2026, 1, 8)));
        assertThat(baseline.around(enrolment, Optional.of(LocalDate.of(2026, 1, 20))).closes())
                .isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(baseline.around(enrolment, Optional.of(LocalDate.of(2025, 12, 1))))
                .isEqualTo(new DueWindow(LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 22)));
    }
}
