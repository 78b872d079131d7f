package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A measured value: number, comparator ({@code <5} when a lab reports below its detection limit),
 * UCUM unit code (empty when unitless) and the unit as shown to people.
 */
public record Measurement(BigDecimal value, Comparator comparator, String unit, String unitLabel) {

    public enum Comparator {
        EXACT(""),
        BELOW("<"),
        AT_MOST("<="),
        AT_LEAST(">="),
        ABOVE(">");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Measurement {
        unit = unit == null ? "" : unit;
        unitLabel = unitLabel == null || unitLabel.isBlank() ? unit : unitLabel;
    }

    public static Measurement exact(BigDecimal value, String unit, String unitLabel) {
        return new Measurement(value, Comparator.EXACT, unit, unitLabel);
    }

    /**
     * This value in {@code targetUnit}: itself when the units agree or either is unstated, converted
     * between UCUM time units, empty when the units cannot be compared.
     */
    public Optional<Measurement> in(String targetUnit, String targetLabel) {
        if (unit.isEmpty() || targetUnit.isEmpty() || unit.equals(targetUnit)) {
            return Optional.of(this);
        }
        return TimeUnits.convert(value, unit, targetUnit)
                .map(converted -> new Measurement(converted, comparator, targetUnit, targetLabel));
    }

    /** This value as a multiple of {@code divisor}, in a unit named {@code unit}. */
    public Measurement dividedBy(BigDecimal divisor, String unit, String unitLabel) {
        return new Measurement(value.divide(divisor, MathContext.DECIMAL64), comparator, unit, unitLabel);
    }

    @Override
    public String toString() {
        return comparator.symbol() + plain(value) + (unitLabel.isEmpty() ? "" : " " + unitLabel);
    }

    /** A number as people write it: no exponent, no trailing zeros, at most three decimals. */
    static String plain(BigDecimal number) {
        BigDecimal shown = number.scale() > 3 ? number.setScale(3, RoundingMode.HALF_UP) : number;
        return shown.stripTrailingZeros().toPlainString();
    }
}
