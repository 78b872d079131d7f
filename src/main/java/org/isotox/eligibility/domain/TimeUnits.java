package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

/** UCUM time units (d, wk, mo, a, h, min): the only unit conversions eligibility rules need. */
public final class TimeUnits {

    // UCUM: mo = a/12 and a = 365.25 d (the Julian year)
    private static final Map<String, BigDecimal> DAYS = Map.of(
            "min", BigDecimal.ONE.divide(BigDecimal.valueOf(1440), MathContext.DECIMAL64),
            "h", BigDecimal.ONE.divide(BigDecimal.valueOf(24), MathContext.DECIMAL64),
            "d", BigDecimal.ONE,
            "wk", BigDecimal.valueOf(7),
            "mo", new BigDecimal("30.4375"),
            "a", new BigDecimal("365.25"));

    private TimeUnits() {}

    public static boolean isTimeUnit(String unit) {
        return DAYS.containsKey(unit);
    }

    static Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        if (!isTimeUnit(from) || !isTimeUnit(to)) {
            return Optional.empty();
        }
        return Optional.of(value.multiply(DAYS.get(from)).divide(DAYS.get(to), MathContext.DECIMAL64));
    }

    /** A calendar period: whole years, months, weeks or days as given, anything else in whole days. */
    public static Optional<Period> period(BigDecimal value, String unit) {
        if (!isTimeUnit(unit)) {
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() <= 0) {
            int whole = value.intValueExact();
            switch (unit) {
                case "a":
                    return Optional.of(Period.ofYears(whole));
                case "mo":
                    return Optional.of(Period.ofMonths(whole));
                case "wk":
                    return Optional.of(Period.ofWeeks(whole));
                case "d":
                    return Optional.of(Period.ofDays(whole));
                default:
                    break;
            }
        }
        BigDecimal days = value.multiply(DAYS.get(unit)).setScale(0, RoundingMode.HALF_UP);
        return Optional.of(Period.ofDays(days.intValueExact()));
    }
}
