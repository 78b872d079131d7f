package org.isotox.simon.domain;

/**
 * Exact binomial probabilities for a fixed number of trials and success probability, tabulated
 * once: point probabilities, the lower tail P(X <= k) and the upper tail P(X > k).
 *
 * <p>Point probabilities are computed in log space (log-factorials as sums of logarithms,
 * {@code log1p} for log(1 - p)) so that they neither overflow nor underflow for large trial
 * counts. Each tail is summed from its own end, so small tail probabilities keep their full
 * relative precision instead of being obtained as 1 minus a number close to 1.
 */
final class BinomialDistribution {

    private final int trials;
    private final double[] pointProbabilities;
    private final double[] atMost;
    private final double[] moreThan;

    BinomialDistribution(int trials, double successProbability) {
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be >= 0, was " + trials);
        }
        if (!(successProbability > 0.0 && successProbability < 1.0)) {
            throw new IllegalArgumentException(
                    "success probability must lie in (0, 1), was " + successProbability);
        }
        this.trials = trials;
        this.pointProbabilities = pointProbabilities(trials, successProbability);
        this.atMost = new double[trials + 1];
        this.moreThan = new double[trials + 1];
        double lower = 0.0;
        for (int k = 0; k <= trials; k++) {
            lower += pointProbabilities[k];
            atMost[k] = Math.min(1.0, lower);
        }
        double upper = 0.0;
        for (int k = trials; k >= 0; k--) {
            moreThan[k] = Math.min(1.0, upper);
            upper += pointProbabilities[k];
        }
    }

    private static double[] pointProbabilities(int trials, double p) {
        double[] logFactorial = new double[trials + 1];
        for (int i = 1; i <= trials; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double[] result = new double[trials + 1];
        for (int k = 0; k <= trials; k++) {
            double logChoose = logFactorial[trials] - logFactorial[k] - logFactorial[trials - k];
            result[k] = Math.exp(logChoose + k * logP + (trials - k) * logQ);
        }
        return result;
    }

    int trials() {
        return trials;
    }

    /** P(X = k); 0 outside 0..trials. */
    double probability(int k) {
        return k < 0 || k > trials ? 0.0 : pointProbabilities[k];
    }

    /** P(X <= k). */
    double atMost(int k) {
        if (k < 0) {
            return 0.0;
        }
        return k >= trials ? 1.0 : atMost[k];
    }

    /** P(X > k). */
    double moreThan(int k) {
        if (k < 0) {
            return 1.0;
        }
        return k >= trials ? 0.0 : moreThan[k];
    }
}
