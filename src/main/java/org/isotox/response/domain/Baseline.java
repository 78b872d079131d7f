package org.isotox.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The baseline tumour assessment: its date and the target and non-target lesions. */
public record Baseline(LocalDate date, List<BaselineLesion> lesions) {

    public Baseline {
        Objects.requireNonNull(date, "baseline date");
        Objects.requireNonNull(lesions, "baseline lesions");
        for (int i = 0; i < lesions.size(); i++) {
            if (lesions.get(i) == null) {
                throw new IllegalArgumentException("baseline lesion at position " + i + " is null");
            }
        }
        lesions = List.copyOf(lesions);
    }

    /** The target lesions, in input order. */
    public List<TargetLesion> targets() {
        List<TargetLesion> targets = new ArrayList<>();
        for (BaselineLesion lesion : lesions) {
            if (lesion instanceof TargetLesion target) {
                targets.add(target);
            }
        }
        return List.copyOf(targets);
    }

    /** The non-target lesions, in input order. */
    public List<NonTargetLesion> nonTargets() {
        List<NonTargetLesion> nonTargets = new ArrayList<>();
        for (BaselineLesion lesion : lesions) {
            if (lesion instanceof NonTargetLesion nonTarget) {
                nonTargets.add(nonTarget);
            }
        }
        return List.copyOf(nonTargets);
    }

    /** The sum of the target diameters (longest diameters, short axis for nodes), in mm. */
    public BigDecimal targetSumMm() {
        return targets().stream().map(TargetLesion::diameterMm).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
