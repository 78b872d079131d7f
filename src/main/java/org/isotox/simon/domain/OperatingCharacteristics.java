package org.isotox.simon.domain;

/**
 * Operating characteristics of one Simon design at one true response probability.
 *
 * @param responseProbability  the true response probability p
 * @param probEarlyTermination PET(p) = P(X1 <= r1)
 * @param probRejectNull       P(X1 > r1 and X1 + X2 > r): the treatment is declared promising
 * @param expectedSampleSize   EN(p) = n1 + (1 - PET(p)) (n - n1)
 */
public record OperatingCharacteristics(
        double responseProbability,
        double probEarlyTermination,
        double probRejectNull,
        double expectedSampleSize) {
}
