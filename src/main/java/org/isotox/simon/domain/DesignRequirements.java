package org.isotox.simon.domain;

/**
 * What a Simon design must achieve: type I error at most alpha when the response probability is
 * p0, power at least 1 - beta when it is p1, with total sample size at most maxSampleSize.
 *
 * @param p0            uninteresting response probability (H0)
 * @param p1            desirable response probability (H1), greater than p0
 * @param alpha         upper limit of the type I error
 * @param beta          upper limit of the type II error
 * @param maxSampleSize largest total sample size n searched (nmax)
 */
public record DesignRequirements(double p0, double p1, double alpha, double beta, int maxSampleSize) {

    /** nmax used when none is given, as in Simon (1989) and R clinfun::ph2simon. */
    public static final int DEFAULT_MAX_SAMPLE_SIZE = 100;

    /**
     * Largest nmax accepted. The search does up to about nmax^4 / 24 binomial sums; measured on
     * 2 busy cores it takes milliseconds at nmax 100 and up to about a second at this limit. The
     * cap keeps one request from occupying a server thread for minutes.
     */
    public static final int LARGEST_MAX_SAMPLE_SIZE = 500;

    public DesignRequirements {
        SimonDesign.requireOrdered(p0, p1);
        Probabilities.requireOpenUnitInterval("alpha", alpha);
        Probabilities.requireOpenUnitInterval("beta", beta);
        if (maxSampleSize < 2 || maxSampleSize > LARGEST_MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException(
                    "nmax must lie in 2.." + LARGEST_MAX_SAMPLE_SIZE + ", was " + maxSampleSize);
        }
    }

    /** Requirements with the default nmax of {@value #DEFAULT_MAX_SAMPLE_SIZE}. */
    public static DesignRequirements of(double p0, double p1, double alpha, double beta) {
        return new DesignRequirements(p0, p1, alpha, beta, DEFAULT_MAX_SAMPLE_SIZE);
    }
}
