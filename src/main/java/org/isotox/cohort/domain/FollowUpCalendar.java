package org.isotox.cohort.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The IHR calendar a generated subject follows: fractions on weekdays, then the protocol's visits
 * (end of radiotherapy, 1 month after, every 3 months to 24 months, every 6 months to 60 months),
 * a chest CT at each visit and an imaging study every 6 months.
 */
final class FollowUpCalendar {

    /** Months after the end of radiotherapy of each follow-up visit. */
    static final List<Integer> VISIT_MONTHS = visitMonths();

    private FollowUpCalendar() {}

    /** {@code fractions} weekday dates from {@code start}, with {@code pauseDays} calendar days added after fraction {@code pauseAfter}. */
    static List<LocalDate> fractionDays(LocalDate start, int fractions, int pauseAfter, int pauseDays) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = nextWeekday(start);
        while (days.size() < fractions) {
            days.add(day);
            day = day.plusDays(1);
            if (days.size() == pauseAfter && pauseDays > 0) {
                day = day.plusDays(pauseDays);
            }
            day = nextWeekday(day);
        }
        return days;
    }

    static LocalDate nextWeekday(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.plusDays(1);
        }
        return weekday;
    }

    static boolean imagingDue(int months) {
        return months > 0 && months % 6 == 0;
    }

    private static List<Integer> visitMonths() {
        List<Integer> months = new ArrayList<>(List.of(0, 1));
        for (int month = 3; month <= 24; month += 3) {
            months.add(month);
        }
        for (int month = 30; month <= 60; month += 6) {
            months.add(month);
        }
        return List.copyOf(months);
    }
}
