package org.isotox.dose.domain;

import java.util.Objects;

/**
 * A reference DVH read at another total dose. The plan's dose scales linearly with the
 * prescription, D(T) = D_ref · T / T_ref, so doses scale by T / T_ref and the volume receiving
 * at least x Gy at T is the reference volume at x · T_ref / T.
 *
 * @param reference       the DVH at the reference dose
 * @param referenceDoseGy the total dose T_ref at which it was computed
 * @param totalDoseGy     the total dose T to read it at
 */
public record ScaledDvh(CumulativeDvh reference, double referenceDoseGy, double totalDoseGy) {

    public ScaledDvh {
        Objects.requireNonNull(reference, "reference");
        if (!Double.isFinite(referenceDoseGy) || referenceDoseGy <= 0) {
            throw new IllegalArgumentException(
                    "reference dose " + referenceDoseGy + " Gy must be a positive finite number");
        }
        if (!Double.isFinite(totalDoseGy) || totalDoseGy <= 0) {
            throw new IllegalArgumentException(
                    "total dose " + totalDoseGy + " Gy must be a positive finite number");
        }
    }

    public String structure() {
        return reference.structure();
    }

    /** Dmax(T) = Dmax_ref · T / T_ref. */
    public double maxDoseGy() {
        return reference.maxDoseGy() * totalDoseGy / referenceDoseGy;
    }

    /** Dmean(T) = Dmean_ref · T / T_ref. */
    public double meanDoseGy() {
        return reference.meanDoseGy() * totalDoseGy / referenceDoseGy;
    }

    /** Vx(T) = V_ref(x · T_ref / T). */
    public double volumePercentAt(double doseGy) {
        return reference.volumePercentAt(doseGy * referenceDoseGy / totalDoseGy);
    }
}
