package org.isotox.endpoints.domain;

/** A confidence interval for a survival probability: {@code 0 <= lower <= upper <= 1}. */
public record ConfidenceInterval(double lower, double upper) {

    public ConfidenceInterval {
        if (!(lower >= 0 && lower <= 1)) {
            throw new IllegalArgumentException("lower must be a probability in [0, 1], was " + lower);
        }
        if (!(upper >= 0 && upper <= 1)) {
            throw new IllegalArgumentException("upper must be a probability in [0, 1], was " + upper);
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "lower must not exceed upper, was lower " + lower + " > upper " + upper);
        }
    }
}
