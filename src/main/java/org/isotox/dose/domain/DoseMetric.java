package org.isotox.dose.domain;

import java.math.BigDecimal;

/**
 * A quantity read off a structure's DVH at a given fractionation. Its {@link #label()} is the
 * second half of a constraint's name: {@code SpinalCord} + " " + {@code Dmax}.
 */
public sealed interface DoseMetric
        permits DoseMetric.MaxDose, DoseMetric.MeanDose, DoseMetric.VolumeAtLeast,
                DoseMetric.MaxDosePerFraction {

    /** The metric's part of a constraint name: {@code Dmax}, {@code Dmean}, {@code V20}, … */
    String label();

    MetricUnit unit();

    /**
     * The metric's value for a structure of the plan, read at the total dose of
     * {@code fractionation}.
     *
     * @throws MissingDvhException when the plan has no DVH for the structure
     */
    double valueAt(ReferencePlan plan, String structure, Fractionation fractionation);

    static DoseMetric maxDose() {
        return new MaxDose();
    }

    static DoseMetric meanDose() {
        return new MeanDose();
    }

    static DoseMetric volumeAtLeast(double doseGy) {
        return new VolumeAtLeast(doseGy);
    }

    static DoseMetric maxDosePerFraction() {
        return new MaxDosePerFraction();
    }

    /** Maximum dose (Gy). */
    record MaxDose() implements DoseMetric {
        @Override
        public String label() {
            return "Dmax";
        }

        @Override
        public MetricUnit unit() {
            return MetricUnit.GRAY;
        }

        @Override
        public double valueAt(ReferencePlan plan, String structure, Fractionation fractionation) {
            return plan.dvhAt(structure, fractionation.totalDoseGy()).maxDoseGy();
        }
    }

    /** Mean dose (Gy). */
    record MeanDose() implements DoseMetric {
        @Override
        public String label() {
            return "Dmean";
        }

        @Override
        public MetricUnit unit() {
            return MetricUnit.GRAY;
        }

        @Override
        public double valueAt(ReferencePlan plan, String structure, Fractionation fractionation) {
            return plan.dvhAt(structure, fractionation.totalDoseGy()).meanDoseGy();
        }
    }

    /**
     * Percentage of the structure's volume receiving at least {@code doseGy}; labelled
     * {@code V} followed by the dose in Gy without trailing zeros ({@code V20}, {@code V2.5}).
     */
    record VolumeAtLeast(double doseGy) implements DoseMetric {
        public VolumeAtLeast {
            if (!Double.isFinite(doseGy) || doseGy <= 0) {
                throw new IllegalArgumentException(
                        "dose " + doseGy + " Gy of a Vx metric must be a positive finite number");
            }
        }

        @Override
        public String label() {
            return "V" + BigDecimal.valueOf(doseGy).stripTrailingZeros().toPlainString();
        }

        @Override
        public MetricUnit unit() {
            return MetricUnit.PERCENT;
        }

        @Override
        public double valueAt(ReferencePlan plan, String structure, Fractionation fractionation) {
            return plan.dvhAt(structure, fractionation.totalDoseGy()).volumePercentAt(doseGy);
        }
    }

    /** Maximum dose divided by the number of fractions (Gy per fraction). */
    record MaxDosePerFraction() implements DoseMetric {
        @Override
        public String label() {
            return "Dmax per fraction";
        }

        @Override
        public MetricUnit unit() {
            return MetricUnit.GRAY;
        }

        @Override
        public double valueAt(ReferencePlan plan, String structure, Fractionation fractionation) {
            return plan.dvhAt(structure, fractionation.totalDoseGy()).maxDoseGy()
                    / fractionation.fractions();
        }
    }
}
