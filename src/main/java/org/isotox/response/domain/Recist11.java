package org.isotox.response.domain;

import java.math.BigDecimal;

/**
 * The fixed numbers of the RECIST 1.1 guideline itself (Eisenhauer EA et al., Eur J Cancer
 * 2009;45:228-247). They define the standard rather than a trial, so they are not study settings;
 * the trial-specific durations are in {@link BestResponseRules}.
 */
final class Recist11 {

    /** Section 3.1.1: a non-nodal lesion is measurable at 10 mm or more on CT. */
    static final BigDecimal MIN_NON_NODAL_TARGET_MM = BigDecimal.TEN;

    /** Section 3.1.1: a node is pathological and measurable at 15 mm or more in short axis. */
    static final BigDecimal MIN_NODAL_TARGET_SHORT_AXIS_MM = BigDecimal.valueOf(15);

    /** Section 4.2: at most 5 target lesions in total. */
    static final int MAX_TARGETS = 5;

    /** Section 4.2: at most 2 target lesions per organ. */
    static final int MAX_TARGETS_PER_ORGAN = 2;

    /** Section 4.3.1 (CR): a node with a short axis below 10 mm is normal. */
    static final BigDecimal NORMAL_NODE_BELOW_MM = BigDecimal.TEN;

    /** Section 4.3.1 (PR): at least a 30 % decrease of the sum from baseline. */
    static final BigDecimal PR_DECREASE_PERCENT = BigDecimal.valueOf(30);

    /** Section 4.3.1 (PD): at least a 20 % increase of the sum over the nadir... */
    static final BigDecimal PD_INCREASE_PERCENT = BigDecimal.valueOf(20);

    /** ...and an absolute increase of at least 5 mm. */
    static final BigDecimal PD_ABSOLUTE_INCREASE_MM = BigDecimal.valueOf(5);

    /**
     * EORTC RECIST working group, "Questions and clarifications" (Two target lesions): all lymph
     * nodes together count as one organ for the per-organ limit.
     */
    static final String LYMPH_NODE_ORGAN = "lymph node";

    private Recist11() {
    }
}
