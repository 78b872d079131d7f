package org.isotox.qol.domain;

/**
 * When enough parts (items of a scale, or scales of a summary score) are present to compute a
 * score.
 */
public sealed interface CompletenessRule permits CompletenessRule.AtLeastHalf, CompletenessRule.All {

    /** The default rule of the EORTC QLQ-C30 Scoring Manual (3rd ed., "Missing data"). */
    CompletenessRule AT_LEAST_HALF = new AtLeastHalf();

    CompletenessRule ALL = new All();

    /**
     * @param present parts present (0 to total)
     * @param total   parts in the scale or summary, 1 or more
     */
    boolean isMet(int present, int total);

    private static void requireCounts(int present, int total) {
        if (total < 1 || present < 0 || present > total) {
            throw new IllegalArgumentException(
                    "present " + present + " of total " + total + " is not a valid count");
        }
    }

    /**
     * At least half of the parts are present (so a single-item scale needs its item). The manual
     * imputes missing items by the mean of the answered ones, which is the same as scoring the
     * mean of the answered items; EORTC's SAS macro tests {@code N(items) * 2 >= number of items}.
     */
    record AtLeastHalf() implements CompletenessRule {
        @Override
        public boolean isMet(int present, int total) {
            requireCounts(present, total);
            return present > 0 && 2 * present >= total;
        }
    }

    /** Every part is present. */
    record All() implements CompletenessRule {
        @Override
        public boolean isMet(int present, int total) {
            requireCounts(present, total);
            return present == total;
        }
    }
}
