package org.isotox.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final AnchorDates RT_ENDS_ON_THE_31ST =
            new AnchorDates(LocalDate.of(2025, 12, 1), Optional.of(LocalDate.of(2025, 12, 15)), Optional.of(LocalDate.of(2026, 1, 31)));

    @ParameterizedTest(name = "31 January 2026 + {0} months = {1}")
    @CsvSource({
        "1, 2026-02-28",  // February is shorter: its last day
        "2, 2026-03-31",
        "3, 2026-04-30",
        "6, 2026-07-31",
        "13, 2027-02-28",
        "25, 2028-02-29", // leap year
    })
    void monthsAreCalendarMonthsEndingOnTheMonthsLastDayWhenShorter(int months, LocalDate due) {
        Timing timing = Timing.once(Anchor.RADIOTHERAPY_END, Period.ofMonths(months));

        assertThat(timing.dueDate(RT_ENDS_ON_THE_31ST, 1)).contains(due);
    }

    @Test
    void everyOccurrenceCountsFromTheAnchorSoThatAShortMonthDoesNotPullLaterDatesBack() {
        Timing everyThreeMonths = new Timing(Anchor.RADIOTHERAPY_END, Period.ofMonths(1), 4, Period.ofMonths(1));

        assertThat(IntStream.rangeClosed(1, 4).mapToObj(n -> everyThreeMonths.dueDate(RT_ENDS_ON_THE_31ST, n).orElseThrow()))
                .containsExactly(
                        LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31));
    }

    @Test
    void weeksAreSevenDaysFromTheAnchorAndANegativeOffsetLiesBeforeIt() {
        assertThat(Timing.once(Anchor.RADIOTHERAPY_START, Period.ofWeeks(4)).dueDate(RT_ENDS_ON_THE_31ST, 1))
                .contains(LocalDate.of(2026, 1, 12));
        assertThat(Timing.once(Anchor.RADIOTHERAPY_START, Period.ofDays(-3)).dueDate(RT_ENDS_ON_THE_31ST, 1))
                .contains(LocalDate.of(2025, 12, 12));
        assertThat(Timing.once(Anchor.ENROLMENT, Period.ZERO).dueDate(RT_ENDS_ON_THE_31ST, 1))
                .contains(LocalDate.of(2025, 12, 1));
    }

    @Test
    void anUnknownAnchorGivesNoDate() {
        AnchorDates onlyEnrolled = AnchorDates.enrolledOn(LocalDate.of(2026, 1, 5));

        assertThat(Timing.once(Anchor.RADIOTHERAPY_END, Period.ofMonths(1)).dueDate(onlyEnrolled, 1)).isEmpty();
        assertThat(Timing.once(Anchor.RADIOTHERAPY_START, Period.ofWeeks(4)).dueDate(onlyEnrolled, 1)).isEmpty();
    }

    @Test
    void aRepeatedActionNeedsAnIntervalAndOccurrencesAreCountedFromOne() {
        assertThatThrownBy(() -> new Timing(Anchor.RADIOTHERAPY_END, Period.ofMonths(3), 8, Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        Timing twice = new Timing(Anchor.RADIOTHERAPY_END, Period.ZERO, 2, Period.ofMonths(6));
        assertThatThrownBy(() -> twice.dueDate(RT_ENDS_ON_THE_31ST, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twice.dueDate(RT_ENDS_ON_THE_31ST, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
