package org.isotox.dose.domain;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an isotoxic dose search.
 *
 * <p>When feasible, the fractionation is the highest candidate at which every constraint holds
 * and the constraint results are judged there. When not feasible, the minimum dose already
 * breaks a limit: the fractionation is the minimum candidate, and the constraint results, BED
 * and EQD2 are those at the minimum, so that the adapter can show how far off the plan is.
 *
 * @param feasible            whether the minimum dose meets every constraint
 * @param fractionation       the chosen fractionation (the minimum when not feasible)
 * @param limitingConstraints the names of the constraints broken at the next fraction above the
 *                            chosen dose (at the minimum when not feasible), in rule order;
 *                            empty when the maximum dose was reached without any breaking
 * @param constraints         every constraint judged at {@code fractionation}, in rule order
 * @param tumour              BED and EQD2 at the tumour α/β
 * @param late                BED and EQD2 at the late-tissue α/β
 */
public record IsotoxicPrescription(
        boolean feasible,
        Fractionation fractionation,
        List<String> limitingConstraints,
        List<ConstraintResult> constraints,
        BiologicalDose tumour,
        BiologicalDose late) {

    /** The limiting constraint reported when the maximum dose is reached without any binding. */
    public static final String MAXIMUM_DOSE = "maximum-dose";

    public IsotoxicPrescription {
        Objects.requireNonNull(fractionation, "fractionation");
        Objects.requireNonNull(tumour, "tumour");
        Objects.requireNonNull(late, "late");
        limitingConstraints = List.copyOf(limitingConstraints);
        constraints = List.copyOf(constraints);
        if (!feasible && limitingConstraints.isEmpty()) {
            throw new IllegalArgumentException(
                    "an infeasible prescription must name the constraint the minimum dose breaks");
        }
    }

    public double totalDoseGy() {
        return fractionation.totalDoseGy();
    }

    public int fractions() {
        return fractionation.fractions();
    }

    public double fractionDoseGy() {
        return fractionation.fractionDoseGy();
    }

    /**
     * The first constraint (in rule order) broken at the next fraction above the chosen dose,
     * the first broken at the minimum when not feasible, or {@value #MAXIMUM_DOSE}.
     */
    public String limitingConstraint() {
        return limitingConstraints.isEmpty() ? MAXIMUM_DOSE : limitingConstraints.get(0);
    }
}
