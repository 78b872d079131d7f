package org.isotox.simon.domain;

import org.isotox.dose.domain.CourseEndRule;
import org.isotox.toxicity.domain.SevereToxicityRule;

/**
 * The rules of a trial that enrolment and stopping depend on, as read from its definition: the
 * Simon two-stage design, the assumptions it was planned with, how long after radiotherapy a
 * subject is observed before counting as free of severe toxicity, what a severe toxicity is and how
 * the boundary counts it, how many days before a radiotherapy break a grading of the toxicity the
 * break names may be dated to count with it, and when a course that stops early has ended.
 */
public record StudyProtocol(
        SimonDesign design,
        DesignAssumptions assumptions,
        int evaluationWindowDays,
        SevereToxicityRule severeToxicity,
        SevereToxicityCounting counting,
        int interruptionAttributionDays,
        CourseEndRule courseEnd) {

    public StudyProtocol {
        if (design == null || assumptions == null || severeToxicity == null || counting == null || courseEnd == null) {
            throw new IllegalArgumentException(
                    "a study protocol needs a design, its assumptions, a severe-toxicity rule and its counting, and a course-end rule");
        }
        if (interruptionAttributionDays < 0) {
            throw new IllegalArgumentException("interruption attribution window must not be negative, was " + interruptionAttributionDays);
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
