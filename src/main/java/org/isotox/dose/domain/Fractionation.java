package org.isotox.dose.domain;

/**
 * A course of equal fractions: {@code fractions} times {@code fractionDoseGy}.
 *
 * @param fractions      the number of fractions, at least 1
 * @param fractionDoseGy the dose per fraction, positive
 */
public record Fractionation(int fractions, double fractionDoseGy) {

    public Fractionation {
        if (fractions < 1) {
            throw new IllegalArgumentException(
                    "number of fractions " + fractions + " must be at least 1");
        }
        if (!Double.isFinite(fractionDoseGy) || fractionDoseGy <= 0) {
            throw new IllegalArgumentException(
                    "fraction dose " + fractionDoseGy + " Gy must be a positive finite number");
        }
    }

    /** The total dose n · d. */
    public double totalDoseGy() {
        return fractions * fractionDoseGy;
    }

    /**
     * Biologically effective dose of the linear-quadratic model, BED = n·d·(1 + d/(α/β))
     * (Fowler, Br J Radiol 1989;62:679), evaluated as n·d·(d + α/β)/(α/β).
     *
     * @throws IllegalArgumentException when α/β is not a positive finite number
     */
    public double biologicallyEffectiveDoseGy(double alphaBetaGy) {
        requirePositiveAlphaBeta(alphaBetaGy);
        return totalDoseGy() * (fractionDoseGy + alphaBetaGy) / alphaBetaGy;
    }

    /**
     * Equivalent dose in 2 Gy fractions, EQD2 = BED / (1 + 2/(α/β)) (Withers, Thames and Peters,
     * Radiother Oncol 1983;1:187), evaluated as n·d·(d + α/β)/(2 + α/β).
     *
     * @throws IllegalArgumentException when α/β is not a positive finite number
     */
    public double equivalentDoseIn2GyFractionsGy(double alphaBetaGy) {
        requirePositiveAlphaBeta(alphaBetaGy);
        return totalDoseGy() * (fractionDoseGy + alphaBetaGy) / (2.0 + alphaBetaGy);
    }

    /** BED and EQD2 for one α/β ratio. */
    public BiologicalDose biologicalDose(double alphaBetaGy) {
        return new BiologicalDose(alphaBetaGy,
                biologicallyEffectiveDoseGy(alphaBetaGy),
                equivalentDoseIn2GyFractionsGy(alphaBetaGy));
    }

    private static void requirePositiveAlphaBeta(double alphaBetaGy) {
        if (!Double.isFinite(alphaBetaGy) || alphaBetaGy <= 0) {
            throw new IllegalArgumentException(
                    "alpha/beta ratio " + alphaBetaGy + " Gy must be a positive finite number");
        }
    }
}
