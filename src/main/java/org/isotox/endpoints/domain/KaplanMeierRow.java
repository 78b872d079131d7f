package org.isotox.endpoints.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kaplan-Meier estimate at one distinct observation time, as a row of survfit's table.
 *
 * @param time               the distinct observation time
 * @param atRisk             subjects with time >= {@code time} (censored at this time included)
 * @param events             events at exactly this time
 * @param censored           censorings at exactly this time
 * @param survival           S(time), the product-limit estimate just after this time
 * @param standardError      Greenwood standard error of S(time); absent when S(time) = 0, where
 *                           Greenwood's sum is infinite (survfit reports NaN)
 * @param confidenceInterval pointwise interval for S(time); absent where survfit reports NA
 */
public record KaplanMeierRow(
        double time,
        int atRisk,
        int events,
        int censored,
        double survival,
        OptionalDouble standardError,
        Optional<ConfidenceInterval> confidenceInterval) {

    public KaplanMeierRow {
        if (events < 0 || censored < 0 || events + censored == 0) {
            throw new IllegalArgumentException("a row needs at least one event or censoring, was events "
                    + events + ", censored " + censored);
        }
        if (events + censored > atRisk) {
            throw new IllegalArgumentException("events + censored must not exceed atRisk " + atRisk
                    + ", was " + (events + censored));
        }
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival must be in [0, 1], was " + survival);
        }
        Objects.requireNonNull(standardError, "standardError");
        Objects.requireNonNull(confidenceInterval, "confidenceInterval");
    }

    /** Greenwood variance of S(time): S^2 * sum d / (n (n - d)); absent when S(time) = 0. */
    public OptionalDouble variance() {
        return standardError.isPresent()
                ? OptionalDouble.of(standardError.getAsDouble() * standardError.getAsDouble())
                : OptionalDouble.empty();
    }

    /** Whether at least one event happened at this time (a row of survfit's default summary). */
    public boolean hasEvents() {
        return events > 0;
    }
}
