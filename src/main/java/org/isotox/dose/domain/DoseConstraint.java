package org.isotox.dose.domain;

import java.util.Objects;

/**
 * An upper limit on a metric of one structure's DVH: the constraint holds when the metric's
 * value is at most {@code limit}.
 *
 * @param name      the constraint's name as reported, by convention
 *                  {@link #nameFor(String, DoseMetric) structure + " " + metric label}
 * @param structure the structure code whose DVH the metric reads
 * @param metric    the metric
 * @param limit     the largest allowed value, in the metric's unit
 */
public record DoseConstraint(String name, String structure, DoseMetric metric, double limit) {

    /**
     * Slack allowed when comparing a value with its limit, in the limit's unit (Gy or %). It
     * absorbs binary rounding of the scaling arithmetic (a value that is exactly the limit on
     * paper may come out 1e-14 above it); it is far below any clinically meaningful difference.
     */
    static final double COMPARISON_TOLERANCE = 1e-9;

    public DoseConstraint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dose constraint needs a name");
        }
        if (structure == null || structure.isBlank()) {
            throw new IllegalArgumentException("dose constraint " + name + " needs a structure");
        }
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException("dose constraint " + name + " has limit " + limit
                    + "; a limit must be finite and not negative");
        }
    }

    /** A constraint named by the convention {@link #nameFor(String, DoseMetric)}. */
    public static DoseConstraint of(String structure, DoseMetric metric, double limit) {
        return new DoseConstraint(nameFor(structure, metric), structure, metric, limit);
    }

    /**
     * The conventional name of a constraint: the structure code, a space, the metric's label,
     * e.g. {@code SpinalCord Dmax}, {@code Lungs-GTV V20}, {@code SpinalCord Dmax per fraction}.
     */
    public static String nameFor(String structure, DoseMetric metric) {
        return structure + " " + metric.label();
    }

    /** Whether a value satisfies the limit (value ≤ limit, within the comparison tolerance). */
    public boolean isMetBy(double value) {
        return value <= limit + COMPARISON_TOLERANCE;
    }

    /**
     * This constraint judged on a plan at a fractionation.
     *
     * @throws MissingDvhException when the plan has no DVH for the structure
     */
    public ConstraintResult evaluate(ReferencePlan plan, Fractionation fractionation) {
        double value = metric.valueAt(plan, structure, fractionation);
        return new ConstraintResult(this, value, isMetBy(value));
    }
}
