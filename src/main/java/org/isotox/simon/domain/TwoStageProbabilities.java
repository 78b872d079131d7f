package org.isotox.simon.domain;

/**
 * The two probabilities of Simon (1989), section "Methods", that every operating characteristic
 * is built from, given the binomial distributions of the stage-1 and stage-2 response counts
 * X1 ~ Bin(n1, p) and X2 ~ Bin(n - n1, p), which are independent.
 */
final class TwoStageProbabilities {

    private TwoStageProbabilities() {
    }

    /** PET(p) = P(X1 <= r1). */
    static double earlyTermination(BinomialDistribution stageOne, int r1) {
        return stageOne.atMost(r1);
    }

    /**
     * P(X1 > r1 and X1 + X2 > r) = sum over x1 = r1+1..n1 of P(X1 = x1) P(X2 > r - x1):
     * the probability of declaring the treatment promising (rejecting H0).
     */
    static double rejection(BinomialDistribution stageOne, BinomialDistribution stageTwo, int r1, int r) {
        double sum = 0.0;
        for (int x1 = r1 + 1; x1 <= stageOne.trials(); x1++) {
            sum += stageOne.probability(x1) * stageTwo.moreThan(r - x1);
        }
        return Math.min(1.0, sum);
    }

    /** EN(p) = n1 + (1 - PET(p)) (n - n1). */
    static double expectedSampleSize(int n1, int n, double probEarlyTermination) {
        return n1 + (1.0 - probEarlyTermination) * (n - n1);
    }
}
