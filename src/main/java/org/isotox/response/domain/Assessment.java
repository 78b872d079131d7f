package org.isotox.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One follow-up tumour assessment. {@code targetDiametersMm} maps a target lesion id to its
 * diameter in mm (longest diameter; short axis for nodes; 0 when the lesion has disappeared); a
 * target missing from the map was not measured. {@code nonTargetStatuses} maps a non-target lesion
 * id to its status; a non-target missing from the map was not evaluated.
 */
public record Assessment(
        LocalDate date,
        Map<String, BigDecimal> targetDiametersMm,
        Map<String, NonTargetStatus> nonTargetStatuses,
        boolean newLesion) {

    public Assessment {
        Objects.requireNonNull(date, "assessment date");
        Objects.requireNonNull(targetDiametersMm, () -> "target diameters of the assessment of " + date);
        Objects.requireNonNull(nonTargetStatuses, () -> "non-target statuses of the assessment of " + date);
        targetDiametersMm.forEach((id, diameter) -> {
            LesionIds.require(id);
            if (diameter == null) {
                throw new IllegalArgumentException(
                        "diameter of target lesion " + id + " on " + date + " is null; leave the lesion out when not measured");
            }
            if (diameter.signum() < 0) {
                throw new IllegalArgumentException(
                        "diameter of target lesion " + id + " on " + date + " must not be negative: " + diameter);
            }
        });
        nonTargetStatuses.forEach((id, status) -> {
            LesionIds.require(id);
            if (status == null) {
                throw new IllegalArgumentException(
                        "status of non-target lesion " + id + " on " + date + " is null; leave the lesion out when not evaluated");
            }
        });
        targetDiametersMm = Map.copyOf(targetDiametersMm);
        nonTargetStatuses = Map.copyOf(nonTargetStatuses);
    }
}
