package org.isotox.cohort.domain;

import java.util.ArrayList;
import java.util.List;
import org.isotox.cohort.domain.SyntheticSubject.Lesion;

/**
 * How a subject's target lesions evolve after radiotherapy: shrinking to their nadir over about
 * four months, then, from {@code progressionMonths}, either growing in the field (sum of diameters
 * at least 20 % and 5 mm over the nadir: RECIST 1.1 progressive disease) or staying and a new
 * lesion appearing outside it.
 */
record Tumour(List<Lesion> baseline, double nadirFraction, double progressionMonths, boolean progressesInField) {

    private static final double MONTHS_TO_NADIR = 4;

    boolean progressed(double monthsAfterRadiotherapy) {
        return monthsAfterRadiotherapy >= progressionMonths;
    }

    /** The measurements read from a CT this many months after the end of radiotherapy. */
    List<Lesion> at(double monthsAfterRadiotherapy) {
        double shrinking = Math.min(1, (monthsAfterRadiotherapy + 0.5) / MONTHS_TO_NADIR);
        double fraction = 1 - (1 - nadirFraction) * shrinking;
        boolean progressed = progressed(monthsAfterRadiotherapy);
        if (progressed && progressesInField) {
            double nadirSum = baseline.stream().mapToDouble(Lesion::diameterMm).sum() * nadirFraction;
            double growth = Math.max(1.3, (nadirSum + 6) / nadirSum);
            fraction = nadirFraction * growth;
        }
        List<Lesion> measured = new ArrayList<>();
        for (Lesion lesion : baseline) {
            measured.add(new Lesion(lesion.id(), Math.round(lesion.diameterMm() * fraction), true, false));
        }
        if (progressed && !progressesInField) {
            measured.add(new Lesion("N1", 0, false, true));
        }
        return measured;
    }
}
