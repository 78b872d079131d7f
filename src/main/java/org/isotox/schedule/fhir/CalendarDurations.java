package org.isotox.schedule.fhir;

import java.math.BigDecimal;
import java.time.Period;

/** Schedule durations as calendar periods: UCUM {@code d}, {@code wk}, {@code mo} (calendar month) and {@code a} (calendar year). */
final class CalendarDurations {

    private CalendarDurations() {}

    static Period of(BigDecimal value, String ucumUnit, String where) {
        int amount;
        try {
            amount = value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException(where + ": schedule durations are whole units, not " + value.toPlainString());
        }
        return switch (ucumUnit == null ? "" : ucumUnit) {
            case "d" -> Period.ofDays(amount);
            case "wk" -> Period.ofWeeks(amount);
            case "mo" -> Period.ofMonths(amount);
            case "a" -> Period.ofYears(amount);
            default -> throw new IllegalStateException(
                    where + ": schedule durations are in d, wk, mo or a (UCUM), not '" + ucumUnit + "'");
        };
    }
}
