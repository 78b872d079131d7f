package org.isotox.qol.domain;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The 0-100 score of one scale or summary score; empty when too few items (or component
 * scales) were answered.
 *
 * @param instrumentId the instrument the scale belongs to
 * @param code         the scale's code, e.g. PF2, LCDY, SUM
 * @param value        the score, or empty when it cannot be computed
 */
public record ScaleScore(String instrumentId, String code, OptionalDouble value) {

    public ScaleScore {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
        if (value.isPresent() && !(value.getAsDouble() >= 0.0 && value.getAsDouble() <= 100.0)) {
            throw new IllegalArgumentException("score of " + code + " must lie in 0..100, was " + value.getAsDouble());
        }
    }

    public boolean isPresent() {
        return value.isPresent();
    }
}
