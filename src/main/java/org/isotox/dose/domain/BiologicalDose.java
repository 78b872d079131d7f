package org.isotox.dose.domain;

/**
 * The biological dose of a fractionation for one tissue.
 *
 * @param alphaBetaGy the α/β ratio of the tissue
 * @param bedGy       biologically effective dose
 * @param eqd2Gy      equivalent dose in 2 Gy fractions
 */
public record BiologicalDose(double alphaBetaGy, double bedGy, double eqd2Gy) {
}
