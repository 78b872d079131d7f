package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.isotox.dose.domain.SessionCountUpdates.Update;
import org.junit.jupiter.api.Test;

/** Fraction days and breaks read from a course summary updated after each fraction (CodeX Radiation Therapy STU2). */
class SessionCountUpdatesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);

    @Test
    void eachRaisedCountDatesItsSessionsOnThePeriodsEnd() {
        List<LocalDate> days = SessionCountUpdates.sessionDays(List.of(
                new Update(1, MONDAY), new Update(2, MONDAY.plusDays(1)), new Update(2, MONDAY.plusDays(1)),
                new Update(4, MONDAY.plusDays(3))));

        assertThat(days).containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3), MONDAY.plusDays(3));
    }

    @Test
    void aTenDayGapBetweenUpdatesIsABreakAndAWeekendIsNot() {
        // Mon 2 to Fri 6 February, then Mon 16: 10 days from Friday to Monday (the routine gap is 3 days)
        List<LocalDate> days = SessionCountUpdates.sessionDays(List.of(
                new Update(1, MONDAY), new Update(2, MONDAY.plusDays(1)), new Update(3, MONDAY.plusDays(2)),
                new Update(4, MONDAY.plusDays(3)), new Update(5, MONDAY.plusDays(4)), new Update(6, MONDAY.plusDays(14)),
                new Update(7, MONDAY.plusDays(17))));

        List<TreatmentInterruption> breaks = DeliverySummary.interruptionsBetween(days, new InterruptionRule(3));

        assertThat(breaks).containsExactly(new TreatmentInterruption(MONDAY.plusDays(4), MONDAY.plusDays(14)));
        assertThat(breaks.get(0).gapDays()).isEqualTo(10);
    }
}
