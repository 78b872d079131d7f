package org.isotox.simon.domain;

import org.isotox.simon.domain.DesignAudit;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.toxicity.domain.SevereToxicityRule;

/**
 * The rules of a trial that enrolment and stopping depend on, as read from its definition: the
 * Simon two-stage design, the assumptions it was planned with, how long after radiotherapy a
 * subject is observed before counting as free of severe toxicity, and what a severe toxicity is.
 */
public record StudyProtocol(
        SimonDesign design, DesignAssumptions assumptions, int evaluationWindowDays, SevereToxicityRule severeToxicity) {

    public StudyProtocol {
        if (design == null || assumptions == null || severeToxicity == null) {
            throw new IllegalArgumentException("a study protocol needs a design, its assumptions and a severe-toxicity rule");
        }
        if (evaluationWindowDays < 0) {
            throw new IllegalArgumentException("evaluation window must not be negative, was " + evaluationWindowDays);
        }
    }

    /** The exact operating characteristics of the configured design at the stated p0 and p1. */
    public DesignAudit audit() {
        return design.audit(assumptions.p0(), assumptions.p1());
    }

    /**
     * The planning assumptions: proportions free of severe toxicity that are unacceptable (p0) and
     * hoped for (p1), and the type I error and power the design was meant to have.
     */
    public record DesignAssumptions(double p0, double p1, double alpha, double power) {}
}
