package org.isotox.cohort.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The treatment calendar of a generated subject: one fraction a weekday, with an optional pause. */
final class TreatmentCalendar {

    private TreatmentCalendar() {}

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
}
