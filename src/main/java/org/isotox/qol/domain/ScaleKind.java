package org.isotox.qol.domain;

/**
 * How a scale's raw score is turned into a 0-100 score (EORTC QLQ-C30 Scoring Manual, 3rd ed.,
 * "Scoring procedure": linear transformation).
 */
public enum ScaleKind {

    /** Functional scales: S = (1 - (RS - 1) / range) * 100; higher is better functioning. */
    FUNCTIONAL,

    /** Symptom scales and single items: S = ((RS - 1) / range) * 100; higher is more symptom. */
    SYMPTOM,

    /** Global health status / QoL: S = ((RS - 1) / range) * 100; higher is better. */
    GLOBAL_HEALTH_STATUS;

    /**
     * Transforms the answered items of a scale to its 0-100 score.
     *
     * <p>RS is the mean of the answered items, so (RS - min) / range equals
     * (sum - n * min) / (n * range). The score is computed as one division of exact integers,
     * which gives the correctly rounded double (e.g. exactly 50.0 for RS 2.5 on a 1..4 item).
     *
     * @param sumOfAnswers sum of the answered items' values
     * @param answered     number of answered items, 1 or more
     * @param answers      the common answer range of the scale's items
     */
    public double score(int sumOfAnswers, int answered, AnswerRange answers) {
        if (answered < 1) {
            throw new IllegalArgumentException("a score needs at least one answered item, was " + answered);
        }
        long denominator = (long) answered * answers.range();
        long numerator = switch (this) {
            case FUNCTIONAL -> (long) answered * answers.max() - sumOfAnswers;
            case SYMPTOM, GLOBAL_HEALTH_STATUS -> sumOfAnswers - (long) answered * answers.min();
        };
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("sum " + sumOfAnswers + " of " + answered
                    + " answers lies outside the answer range " + answers);
        }
        return 100.0 * numerator / denominator;
    }
}
