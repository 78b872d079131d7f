package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliverySummaryTest {

    /** Weekday treatment: Friday to Monday (3 days apart) is routine. */
    private static final InterruptionRule WEEKDAYS = new InterruptionRule(3);

    /** Monday 3 March 2025. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    /** {@code count} fractions of {@code dose} on consecutive weekdays from {@code start}. */
    private static List<DeliveredFraction> weekdays(LocalDate start, int count, double dose) {
        List<DeliveredFraction> fractions = new ArrayList<>();
        LocalDate day = start;
        while (fractions.size() < count) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                fractions.add(new DeliveredFraction(day, dose));
            }
            day = day.plusDays(1);
        }
        return fractions;
    }

    @Nested
    class UninterruptedCourse {

        @Test
        void fifteenWeekdayFractionsOfThreeGray() {
            // Mon 3 Mar to Fri 21 Mar 2025: 3 weeks, 15 x 3 Gy = 45 Gy, 19 calendar days counted
            // from the first to the last fraction inclusive; weekends are no interruption.
            DeliverySummary summary = DeliverySummary.of(weekdays(MONDAY, 15, 3.0), WEEKDAYS);

            assertThat(summary.fractionsDelivered()).isEqualTo(15);
            assertThat(summary.doseDeliveredGy()).isEqualTo(45.0);
            assertThat(summary.firstFractionDate()).contains(MONDAY);
            assertThat(summary.lastFractionDate()).contains(LocalDate.of(2025, 3, 21));
            assertThat(summary.overallTreatmentTimeDays()).isEqualTo(19);
            assertThat(summary.interruptions()).isEmpty();
            assertThat(summary.longestInterruptionDays()).isZero();
        }

        @Test
        void overallTreatmentTimeCountsFirstAndLastDay() {
            // Five fractions Monday to Friday: treatment duration 5 days, the way FAST-Forward
            // reports its 26 Gy / 5 fractions arm ("treatment duration including weekends",
            // median 5 days; Brunt et al., Radiother Oncol 2016;120:114, Table 1).
            DeliverySummary summary = DeliverySummary.of(weekdays(MONDAY, 5, 5.2), WEEKDAYS);

            assertThat(summary.overallTreatmentTimeDays()).isEqualTo(5);
            assertThat(DeliverySummary.of(weekdays(MONDAY, 1, 3), WEEKDAYS).overallTreatmentTimeDays())
                    .isEqualTo(1);
        }

        @Test
        void acceptsFractionsInAnyOrderAndTwiceDailyFractions() {
            List<DeliveredFraction> fractions = List.of(
                    new DeliveredFraction(MONDAY.plusDays(1), 1.8),
                    new DeliveredFraction(MONDAY, 1.8),
                    new DeliveredFraction(MONDAY, 1.8),
                    new DeliveredFraction(MONDAY.plusDays(1), 1.8));

            DeliverySummary summary = DeliverySummary.of(fractions, WEEKDAYS);

            assertThat(summary.fractionsDelivered()).isEqualTo(4);
            assertThat(summary.doseDeliveredGy()).isEqualTo(7.2);
            assertThat(summary.firstFractionDate()).contains(MONDAY);
            assertThat(summary.overallTreatmentTimeDays()).isEqualTo(2);
            assertThat(summary.interruptions()).isEmpty();
        }

        @Test
        void beforeTheFirstFraction() {
            DeliverySummary summary = DeliverySummary.of(List.of(), WEEKDAYS);

            assertThat(summary.fractionsDelivered()).isZero();
            assertThat(summary.doseDeliveredGy()).isZero();
            assertThat(summary.firstFractionDate()).isEqualTo(Optional.empty());
            assertThat(summary.lastFractionDate()).isEmpty();
            assertThat(summary.overallTreatmentTimeDays()).isZero();
            assertThat(summary.longestInterruptionDays()).isZero();
        }
    }

    @Nested
    class Interruptions {

        @ParameterizedTest(name = "{0} -> {1}: interruption {2}, {3} days without treatment")
        @CsvSource({
                // Friday to Monday: 3 days apart, a normal weekend
                "2025-03-07, 2025-03-10, false, 0",
                // Thursday to Monday: the Friday was missed; 4 days apart, Fri-Sun without RT
                "2025-03-06, 2025-03-10, true,  3",
                // Monday to the next Monday: 7 days apart, Tuesday to Sunday without RT
                "2025-03-03, 2025-03-10, true,  6",
                // Monday to the next Tuesday: 8 days apart, 7 days without RT
                "2025-03-03, 2025-03-11, true,  7",
                // Friday to the Monday after next: 10 days apart, 9 days without RT
                "2025-03-07, 2025-03-17, true,  9",
                // Tuesday to Wednesday: routine
                "2025-03-04, 2025-03-05, false, 0"})
        void aGapOfMoreThanThreeDaysIsAnInterruption(
                LocalDate before, LocalDate after, boolean interruption, long daysWithoutTreatment) {
            DeliverySummary summary = DeliverySummary.of(
                    List.of(new DeliveredFraction(before, 3), new DeliveredFraction(after, 3)), WEEKDAYS);

            assertThat(summary.interruptions()).hasSize(interruption ? 1 : 0);
            assertThat(summary.longestInterruptionDays()).isEqualTo(daysWithoutTreatment);
            if (interruption) {
                TreatmentInterruption found = summary.interruptions().get(0);
                assertThat(found.lastFractionBefore()).isEqualTo(before);
                assertThat(found.resumedOn()).isEqualTo(after);
                assertThat(found.gapDays()).isEqualTo(daysWithoutTreatment + 1);
            }
        }

        @Test
        void reportsEveryInterruptionAndTheLongest() {
            // 24 x 3 Gy planned from Mon 3 Mar. Treated Mon 3 - Thu 6 (Fri 7 missed), Mon 10 -
            // Fri 14, then grade 3 oesophagitis: nothing until Wed 26 Mar, then daily again.
            List<DeliveredFraction> fractions = new ArrayList<>(weekdays(MONDAY, 4, 3));
            fractions.addAll(weekdays(LocalDate.of(2025, 3, 10), 5, 3));
            fractions.addAll(weekdays(LocalDate.of(2025, 3, 26), 15, 3));

            DeliverySummary summary = DeliverySummary.of(fractions, WEEKDAYS);

            assertThat(summary.fractionsDelivered()).isEqualTo(24);
            assertThat(summary.doseDeliveredGy()).isEqualTo(72.0);
            assertThat(summary.interruptions())
                    .extracting(TreatmentInterruption::lastFractionBefore, TreatmentInterruption::daysWithoutTreatment)
                    .containsExactly(
                            tuple(LocalDate.of(2025, 3, 6), 3L),
                            // Fri 14 -> Wed 26: 12 days apart, 11 days without treatment
                            tuple(LocalDate.of(2025, 3, 14), 11L));
            assertThat(summary.longestInterruptionDays()).isEqualTo(11);
            // Last fraction: 15 weekdays from Wed 26 Mar end on Tue 15 Apr; 3 Mar..15 Apr = 44 days.
            assertThat(summary.lastFractionDate()).contains(LocalDate.of(2025, 4, 15));
            assertThat(summary.overallTreatmentTimeDays()).isEqualTo(44);
        }

        @Test
        void theRoutineGapIsData() {
            // A course treated every day, weekends included: Friday to Monday is an interruption.
            List<DeliveredFraction> fractions = List.of(
                    new DeliveredFraction(LocalDate.of(2025, 3, 7), 3),
                    new DeliveredFraction(LocalDate.of(2025, 3, 10), 3));

            assertThat(DeliverySummary.of(fractions, new InterruptionRule(1)).longestInterruptionDays())
                    .isEqualTo(2);
            assertThat(DeliverySummary.of(fractions, WEEKDAYS).interruptions()).isEmpty();
        }
    }

    @Nested
    class Rejection {

        @ParameterizedTest(name = "fraction dose {0} Gy is rejected")
        @CsvSource({"0", "-3", "NaN", "Infinity"})
        void rejectsAFractionWithoutAPositiveDose(double dose) {
            assertThatThrownBy(() -> new DeliveredFraction(MONDAY, dose))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2025-03-03");
        }

        @Test
        void rejectsAFractionWithoutADate() {
            assertThatThrownBy(() -> new DeliveredFraction(null, 3)).isInstanceOf(NullPointerException.class);
        }

        @ParameterizedTest(name = "routine gap {0} days is rejected")
        @CsvSource({"0", "-1"})
        void rejectsARoutineGapBelowOneDay(int days) {
            assertThatThrownBy(() -> new InterruptionRule(days)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsAnInterruptionThatDoesNotMoveForward() {
            assertThatThrownBy(() -> new TreatmentInterruption(MONDAY, MONDAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
