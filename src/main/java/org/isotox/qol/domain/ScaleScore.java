package org.isotox.qol.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The 0-100 score of one scale or summary score, empty when too few items (or component scales)
 * were answered; or the score of an item standing in for a scale that could not be scored.
 *
 * @param instrumentId the instrument the scale belongs to
 * @param code         the scale's code, e.g. PF2, LCDY, SUM; for a stand-in item its
 *                     {@link StandInItem#code() code}, e.g. LCDY-item-35
 * @param value        the score, or empty when it cannot be computed
 * @param standIn      the item and the scale it stands in for, when this is a stand-in item's score
 */
public record ScaleScore(String instrumentId, String code, OptionalDouble value, Optional<StandInItem> standIn) {

    public ScaleScore {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(standIn, "standIn");
        if (value.isPresent() && !(value.getAsDouble() >= 0.0 && value.getAsDouble() <= 100.0)) {
            throw new IllegalArgumentException("score of " + code + " must lie in 0..100, was " + value.getAsDouble());
        }
        if (standIn.isPresent() && !(standIn.get().code().equals(code) && value.isPresent())) {
            throw new IllegalArgumentException("a stand-in item is reported under " + standIn.get().code()
                    + " and with a value, was " + code + " " + value);
        }
    }

    /** The score of a scale or summary score. */
    public ScaleScore(String instrumentId, String code, OptionalDouble value) {
        this(instrumentId, code, value, Optional.empty());
    }

    /** The score of an answered item reported in place of its unscored scale. */
    public static ScaleScore standingIn(String instrumentId, StandInItem standIn, double value) {
        return new ScaleScore(instrumentId, standIn.code(), OptionalDouble.of(value), Optional.of(standIn));
    }

    public boolean isPresent() {
        return value.isPresent();
    }
}
