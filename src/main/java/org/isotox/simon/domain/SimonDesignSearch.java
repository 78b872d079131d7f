package org.isotox.simon.domain;

/**
 * Exhaustive search for Simon's (1989) optimal and minimax two-stage designs.
 *
 * <p>For every n <= nmax, n1 < n and r1 < n1 the search takes the smallest final boundary r
 * whose type I error is within alpha (type I error falls as r grows, so binary search finds it;
 * the smallest r also gives the largest power), and keeps the design if its power is at least
 * 1 - beta. EN(p0) does not depend on r, so one r per (n, n1, r1) suffices. Binomial tables
 * are computed once per (trial count, p). Two prunings are exact:
 * <ul>
 *   <li>power <= P(X1 > r1 | p1), which falls as r1 grows: once it is below 1 - beta, no larger
 *       r1 can reach the power;</li>
 *   <li>EN(p0) >= n1: stage-1 sizes at or above the best EN so far cannot win, and a candidate
 *       whose EN exceeds the best so far is skipped before its r is searched.</li>
 * </ul>
 * A whole total size n is skipped when even the most powerful test on n observations cannot
 * reach the power: by the Neyman-Pearson lemma no level-alpha test on n Bernoulli observations,
 * a two-stage design included, is more powerful than the randomized single-stage test that
 * rejects for large totals (Lehmann and Romano, Testing Statistical Hypotheses, ch. 3). This
 * skips most sizes below the minimax n and makes a fruitless search cheap.
 *
 * <p>Because n is searched upwards, the first n with a feasible design is the minimax n; while
 * that n is searched the best design so far is both the optimal and the minimax candidate, so
 * the EN pruning is valid for both. Ties in EN go to the design found first, i.e. the smallest
 * (n, n1, r1).
 */
public final class SimonDesignSearch {

    /**
     * Margin on the Neyman-Pearson bound, far above its rounding error, so that the bound only
     * skips sizes that are clearly infeasible and never one the exact check would accept.
     */
    private static final double BOUND_SLACK = 1e-9;

    /** Finds the optimal and minimax designs, or reports that none exists within nmax. */
    public DesignSearchResult search(DesignRequirements requirements) {
        int nmax = requirements.maxSampleSize();
        BinomialDistribution[] underNull = new BinomialDistribution[nmax + 1];
        BinomialDistribution[] underAlternative = new BinomialDistribution[nmax + 1];
        for (int trials = 0; trials <= nmax; trials++) {
            underNull[trials] = new BinomialDistribution(trials, requirements.p0());
            underAlternative[trials] = new BinomialDistribution(trials, requirements.p1());
        }

        Candidate optimal = null;
        Candidate minimax = null;
        for (int n = 2; n <= nmax; n++) {
            if (mostPowerfulTestPower(underNull[n], underAlternative[n], requirements.alpha())
                    < 1.0 - requirements.beta() - BOUND_SLACK) {
                continue;
            }
            for (int n1 = 1; n1 < n; n1++) {
                if (optimal != null && n1 > optimal.expectedSampleSize) {
                    break;
                }
                BinomialDistribution stageOneNull = underNull[n1];
                BinomialDistribution stageOneAlternative = underAlternative[n1];
                BinomialDistribution stageTwoNull = underNull[n - n1];
                BinomialDistribution stageTwoAlternative = underAlternative[n - n1];
                for (int r1 = 0; r1 < n1; r1++) {
                    if (!DesignAudit.powerWithinLimit(stageOneAlternative.moreThan(r1), requirements.beta())) {
                        break;
                    }
                    double pet = TwoStageProbabilities.earlyTermination(stageOneNull, r1);
                    double en = TwoStageProbabilities.expectedSampleSize(n1, n, pet);
                    if (optimal != null && en >= optimal.expectedSampleSize) {
                        continue;
                    }
                    int r = smallestBoundaryWithinAlpha(stageOneNull, stageTwoNull, r1, n, requirements.alpha());
                    if (r < 0) {
                        continue;
                    }
                    double power = TwoStageProbabilities.rejection(stageOneAlternative, stageTwoAlternative, r1, r);
                    if (!DesignAudit.powerWithinLimit(power, requirements.beta())) {
                        continue;
                    }
                    double alpha = TwoStageProbabilities.rejection(stageOneNull, stageTwoNull, r1, r);
                    Candidate candidate = new Candidate(new SimonDesign(r1, n1, r, n), alpha, power, pet, en);
                    optimal = candidate;
                    if (minimax == null || minimax.design.n() == n) {
                        minimax = candidate;
                    }
                }
            }
        }
        if (optimal == null) {
            return new DesignSearchResult.NoDesignWithinMaximum(requirements);
        }
        return new DesignSearchResult.Found(requirements,
                optimal.toAudit(requirements), minimax.toAudit(requirements));
    }

    /**
     * Power of the most powerful (randomized) level-alpha test of p0 against p1 on n observations:
     * reject when X > c, and with probability gamma when X = c, where c is the smallest count with
     * P(X > c | p0) <= alpha and gamma spends the rest of alpha.
     */
    private static double mostPowerfulTestPower(
            BinomialDistribution totalNull, BinomialDistribution totalAlternative, double alpha) {
        double level = alpha + DesignAudit.ERROR_RATE_TOLERANCE;
        int c = 0;
        while (totalNull.moreThan(c) > level) {
            c++;
        }
        double atC = totalNull.probability(c);
        double gamma = atC > 0.0 ? Math.min(1.0, (level - totalNull.moreThan(c)) / atC) : 0.0;
        return totalAlternative.moreThan(c) + gamma * totalAlternative.probability(c);
    }

    /** Smallest r in r1..n-1 with P(reject | p0) <= alpha, or -1 if even r = n - 1 exceeds it. */
    private static int smallestBoundaryWithinAlpha(
            BinomialDistribution stageOne, BinomialDistribution stageTwo, int r1, int n, double alpha) {
        int low = r1;
        int high = n - 1;
        if (!DesignAudit.alphaWithinLimit(TwoStageProbabilities.rejection(stageOne, stageTwo, r1, high), alpha)) {
            return -1;
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (DesignAudit.alphaWithinLimit(TwoStageProbabilities.rejection(stageOne, stageTwo, r1, middle), alpha)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private record Candidate(SimonDesign design, double alpha, double power,
                             double probEarlyTermination, double expectedSampleSize) {

        DesignAudit toAudit(DesignRequirements requirements) {
            return new DesignAudit(design, requirements.p0(), requirements.p1(),
                    alpha, power, probEarlyTermination, expectedSampleSize);
        }
    }
}
