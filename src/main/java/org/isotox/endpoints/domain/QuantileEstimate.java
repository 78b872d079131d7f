package org.isotox.endpoints.domain;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A survival-time quantile with its confidence limits (Brookmeyer-Crowley style: the limits are the
 * times at which the lower and upper confidence curves of S cross the same level). Any of the
 * three may be absent, e.g. a median upper limit when the upper curve never falls to 0.5.
 *
 * @param probability the fraction failed, p: the time at which S falls to 1 - p (0.5: median)
 * @param estimate    the quantile of the Kaplan-Meier curve
 * @param lower       the same quantile of the lower confidence curve
 * @param upper       the same quantile of the upper confidence curve
 */
public record QuantileEstimate(
        double probability, OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper) {

    public QuantileEstimate {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + probability);
        }
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
    }
}
