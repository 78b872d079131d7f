package org.isotox.simon.domain;

/**
 * A Simon two-stage design (Simon 1989): treat n1 subjects; stop after stage 1 if at most r1
 * respond; otherwise treat n - n1 more and declare the treatment promising (reject H0) if more
 * than r of all n respond.
 *
 * @param r1 stage-1 boundary: stop early when responses among the first n1 are <= r1
 * @param n1 stage-1 sample size
 * @param r  final boundary: promising when responses among all n are > r
 * @param n  total sample size
 */
public record SimonDesign(int r1, int n1, int r, int n) {

    public SimonDesign {
        if (n1 < 1) {
            throw new IllegalArgumentException("n1 must be >= 1, was " + n1);
        }
        if (n <= n1) {
            throw new IllegalArgumentException("n must be greater than n1 = " + n1 + ", was " + n);
        }
        if (r1 < 0 || r1 >= n1) {
            throw new IllegalArgumentException("r1 must lie in 0.." + (n1 - 1) + " (n1 = " + n1 + "), was " + r1);
        }
        if (r < r1 || r >= n) {
            throw new IllegalArgumentException(
                    "r must lie in " + r1 + ".." + (n - 1) + " (r1 = " + r1 + ", n = " + n + "), was " + r);
        }
    }

    /** Number of subjects treated in stage 2, n - n1. */
    public int stageTwoSize() {
        return n - n1;
    }

    /**
     * PET, P(reject H0) and EN at the response probability p, computed exactly from the binomial
     * distributions of both stages.
     */
    public OperatingCharacteristics operatingCharacteristics(double p) {
        Probabilities.requireOpenUnitInterval("p", p);
        BinomialDistribution stageOne = new BinomialDistribution(n1, p);
        BinomialDistribution stageTwo = new BinomialDistribution(stageTwoSize(), p);
        double pet = TwoStageProbabilities.earlyTermination(stageOne, r1);
        return new OperatingCharacteristics(
                p,
                pet,
                TwoStageProbabilities.rejection(stageOne, stageTwo, r1, r),
                TwoStageProbabilities.expectedSampleSize(n1, n, pet));
    }

    /**
     * The design's exact alpha = P(reject | p0), power = P(reject | p1), and PET and EN under p0.
     */
    public DesignAudit audit(double p0, double p1) {
        requireOrdered(p0, p1);
        OperatingCharacteristics underNull = operatingCharacteristics(p0);
        OperatingCharacteristics underAlternative = operatingCharacteristics(p1);
        return new DesignAudit(this, p0, p1,
                underNull.probRejectNull(),
                underAlternative.probRejectNull(),
                underNull.probEarlyTermination(),
                underNull.expectedSampleSize());
    }

    static void requireOrdered(double p0, double p1) {
        Probabilities.requireOpenUnitInterval("p0", p0);
        Probabilities.requireOpenUnitInterval("p1", p1);
        if (p0 >= p1) {
            throw new IllegalArgumentException("p0 must be less than p1, was p0 = " + p0 + ", p1 = " + p1);
        }
    }
}
