package org.isotox.qol.domain;

/** What is reported in place of a scale whose completeness rule is not met. */
public enum WhenUnscored {

    /** Only the scale itself, without a value: the manual's general case. */
    REPORT_NOTHING,

    /**
     * Each answered item of the scale, scored on its own as a single-item measure (Scoring Manual,
     * QLQ-LC13 notes: the dyspnoea items when the dyspnoea scale cannot be used).
     */
    REPORT_ANSWERED_ITEMS
}
