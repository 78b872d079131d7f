package org.isotox.dose.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A study's isotoxic prescription rules: the total dose is a whole number of fractions of
 * {@code fractionDoseGy} between the minimum and maximum total dose (inclusive), raised as far
 * as every constraint allows. The α/β ratios are those for which the prescription reports BED
 * and EQD2.
 *
 * @param fractionDoseGy     dose per fraction
 * @param minimumTotalDoseGy lowest acceptable total dose
 * @param maximumTotalDoseGy highest total dose to prescribe
 * @param constraints        the organ-at-risk limits, in the order they are reported; names are
 *                           unique
 * @param tumourAlphaBetaGy  α/β of the tumour (early-responding) tissue
 * @param lateAlphaBetaGy    α/β of late-responding normal tissue
 */
public record IsotoxicRules(
        double fractionDoseGy,
        double minimumTotalDoseGy,
        double maximumTotalDoseGy,
        List<DoseConstraint> constraints,
        double tumourAlphaBetaGy,
        double lateAlphaBetaGy) {

    /** Slack, in fractions, when deciding whether a total dose is a whole number of fractions. */
    private static final double WHOLE_FRACTION_TOLERANCE = 1e-9;

    public IsotoxicRules {
        requirePositive("fraction dose", fractionDoseGy);
        requirePositive("minimum total dose", minimumTotalDoseGy);
        requirePositive("maximum total dose", maximumTotalDoseGy);
        if (maximumTotalDoseGy < minimumTotalDoseGy) {
            throw new IllegalArgumentException("maximum total dose " + maximumTotalDoseGy
                    + " Gy is below the minimum total dose " + minimumTotalDoseGy + " Gy");
        }
        requirePositive("tumour alpha/beta", tumourAlphaBetaGy);
        requirePositive("late alpha/beta", lateAlphaBetaGy);
        Objects.requireNonNull(constraints, "constraints");
        constraints = List.copyOf(constraints);
        Set<String> names = new HashSet<>();
        for (DoseConstraint constraint : constraints) {
            if (!names.add(constraint.name())) {
                throw new IllegalArgumentException(
                        "two dose constraints are named " + constraint.name());
            }
        }
        if (fewestFractions(fractionDoseGy, minimumTotalDoseGy)
                > mostFractions(fractionDoseGy, maximumTotalDoseGy)) {
            throw new IllegalArgumentException("no whole number of " + fractionDoseGy
                    + " Gy fractions lies between " + minimumTotalDoseGy + " and "
                    + maximumTotalDoseGy + " Gy");
        }
    }

    /** The candidate fractionations, from the fewest fractions to the most. */
    public List<Fractionation> candidates() {
        return IntStream.rangeClosed(
                        fewestFractions(fractionDoseGy, minimumTotalDoseGy),
                        mostFractions(fractionDoseGy, maximumTotalDoseGy))
                .mapToObj(fractions -> new Fractionation(fractions, fractionDoseGy))
                .toList();
    }

    /** The structures whose DVHs the constraints read, in constraint order, each once. */
    public List<String> structures() {
        return constraints.stream().map(DoseConstraint::structure).distinct().toList();
    }

    private static int fewestFractions(double fractionDoseGy, double minimumTotalDoseGy) {
        return Math.max(1, (int) Math.ceil(
                minimumTotalDoseGy / fractionDoseGy - WHOLE_FRACTION_TOLERANCE));
    }

    private static int mostFractions(double fractionDoseGy, double maximumTotalDoseGy) {
        return (int) Math.floor(maximumTotalDoseGy / fractionDoseGy + WHOLE_FRACTION_TOLERANCE);
    }

    private static void requirePositive(String what, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(
                    what + " " + value + " Gy must be a positive finite number");
        }
    }
}
