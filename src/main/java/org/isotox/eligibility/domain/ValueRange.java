package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** Inclusive limits in one unit (UCUM code, empty when unitless): a rule's range or a lab's reference range. */
public record ValueRange(Optional<BigDecimal> low, Optional<BigDecimal> high, String unit, String unitLabel) {

    /** Where a measurement lies against the range; UNDECIDED when its comparator leaves it open. */
    public enum Position {
        BELOW,
        WITHIN,
        ABOVE,
        UNDECIDED;

        /** Whether "lies in the range" holds at this position. */
        Presence presence() {
            return switch (this) {
                case WITHIN -> Presence.PRESENT;
                case BELOW, ABOVE -> Presence.ABSENT;
                case UNDECIDED -> Presence.UNDETERMINED;
            };
        }
    }

    public ValueRange {
        unit = unit == null ? "" : unit;
        unitLabel = unitLabel == null || unitLabel.isBlank() ? unit : unitLabel;
    }

    public boolean isEmpty() {
        return low.isEmpty() && high.isEmpty();
    }

    /** Where {@code measurement}, in this range's unit, lies. */
    public Position locate(Measurement measurement) {
        Presence aboveLow = low.map(limit -> atLeast(measurement, limit)).orElse(Presence.PRESENT);
        Presence belowHigh = high.map(limit -> atMost(measurement, limit)).orElse(Presence.PRESENT);
        if (aboveLow == Presence.ABSENT) {
            return Position.BELOW;
        }
        if (belowHigh == Presence.ABSENT) {
            return Position.ABOVE;
        }
        return Presence.ofAll(aboveLow, belowHigh) == Presence.PRESENT ? Position.WITHIN : Position.UNDECIDED;
    }

    /** "at least 60", "at most 2.5 x ULN", "from 18 to 75 years". */
    public String describe() {
        if (low.isPresent() && high.isPresent()) {
            return "from " + Measurement.plain(low.get()) + " to " + withUnit(high.get());
        }
        return low.map(l -> "at least " + withUnit(l)).orElseGet(() -> "at most " + withUnit(high.orElseThrow()));
    }

    /** "below 60", "above 2.5 x ULN": how {@code position} falls outside, else the range itself. */
    public String describe(Position position) {
        return switch (position) {
            case BELOW -> "below " + withUnit(low.orElseThrow());
            case ABOVE -> "above " + withUnit(high.orElseThrow());
            case WITHIN -> describe();
            case UNDECIDED -> "not comparable with " + describe();
        };
    }

    private String withUnit(BigDecimal limit) {
        return Measurement.plain(limit) + (unitLabel.isEmpty() ? "" : " " + unitLabel);
    }

    private static Presence atLeast(Measurement m, BigDecimal limit) {
        int c = m.value().compareTo(limit);
        return switch (m.comparator()) {
            case EXACT -> c >= 0 ? Presence.PRESENT : Presence.ABSENT;
            case AT_LEAST, ABOVE -> c >= 0 ? Presence.PRESENT : Presence.UNDETERMINED;
            case AT_MOST -> c < 0 ? Presence.ABSENT : Presence.UNDETERMINED;
            case BELOW -> c <= 0 ? Presence.ABSENT : Presence.UNDETERMINED;
        };
    }

    private static Presence atMost(Measurement m, BigDecimal limit) {
        int c = m.value().compareTo(limit);
        return switch (m.comparator()) {
            case EXACT -> c <= 0 ? Presence.PRESENT : Presence.ABSENT;
            case AT_MOST, BELOW -> c <= 0 ? Presence.PRESENT : Presence.UNDETERMINED;
            case AT_LEAST -> c > 0 ? Presence.ABSENT : Presence.UNDETERMINED;
            case ABOVE -> c >= 0 ? Presence.ABSENT : Presence.UNDETERMINED;
        };
    }
}
