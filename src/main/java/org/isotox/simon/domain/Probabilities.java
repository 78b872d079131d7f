package org.isotox.simon.domain;

/** Argument checks shared by the value types of this package. */
final class Probabilities {

    private Probabilities() {
    }

    /** Requires 0 < value < 1 (NaN is rejected too). */
    static double requireOpenUnitInterval(String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must lie strictly between 0 and 1, was " + value);
        }
        return value;
    }
}
