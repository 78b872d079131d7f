package org.isotox.simon.domain;

/**
 * Exact properties of one design against the hypotheses p0 (uninteresting) and p1 (desirable).
 *
 * @param design               the design
 * @param p0                   response probability under H0
 * @param p1                   response probability under H1
 * @param alpha                achieved type I error, P(reject H0 | p0)
 * @param power                achieved power, P(reject H0 | p1)
 * @param probEarlyTermination PET(p0)
 * @param expectedSampleSize   EN(p0)
 */
public record DesignAudit(
        SimonDesign design,
        double p0,
        double p1,
        double alpha,
        double power,
        double probEarlyTermination,
        double expectedSampleSize) {

    /**
     * Absolute slack on the error-rate comparisons, so that a design whose exact error rate equals
     * the limit is not lost to rounding in the last bits of the binomial sums.
     */
    static final double ERROR_RATE_TOLERANCE = 1e-12;

    public DesignAudit {
        if (design == null) {
            throw new IllegalArgumentException("design must not be null");
        }
    }

    /** Whether alpha <= alphaLimit and power >= 1 - beta, both at once. */
    public boolean meets(double alphaLimit, double beta) {
        Probabilities.requireOpenUnitInterval("alpha", alphaLimit);
        Probabilities.requireOpenUnitInterval("beta", beta);
        return withinLimits(alpha, power, alphaLimit, beta);
    }

    static boolean withinLimits(double alpha, double power, double alphaLimit, double beta) {
        return alphaWithinLimit(alpha, alphaLimit) && powerWithinLimit(power, beta);
    }

    static boolean alphaWithinLimit(double alpha, double alphaLimit) {
        return alpha <= alphaLimit + ERROR_RATE_TOLERANCE;
    }

    static boolean powerWithinLimit(double power, double beta) {
        return power >= 1.0 - beta - ERROR_RATE_TOLERANCE;
    }
}
