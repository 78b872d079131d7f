package org.isotox.dose.domain;

import java.util.Objects;

/**
 * A dose constraint judged at one fractionation.
 *
 * @param constraint the constraint
 * @param value      the metric's value, in the metric's unit
 * @param met        whether the value is within the limit
 */
public record ConstraintResult(DoseConstraint constraint, double value, boolean met) {

    public ConstraintResult {
        Objects.requireNonNull(constraint, "constraint");
    }

    public String name() {
        return constraint.name();
    }

    public double limit() {
        return constraint.limit();
    }

    public MetricUnit unit() {
        return constraint.metric().unit();
    }

    /** limit − value: positive while there is room left, negative when the limit is broken. */
    public double margin() {
        return constraint.limit() - value;
    }
}
