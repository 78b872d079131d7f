package org.isotox.response.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.isotox.response.domain.NonTargetStatus;

/**
 * One lesion at one assessment, as read from a lesion measurement Observation: a target lesion's
 * diameter in mm, or a non-target or new lesion's status.
 *
 * @param source the Observation ({@code Observation/id}) it was read from
 */
record LesionMeasurement(
        String source,
        LocalDate date,
        String lesionId,
        boolean target,
        boolean node,
        boolean inField,
        boolean newLesion,
        Optional<BigDecimal> diameterMm,
        Optional<NonTargetStatus> status) {

    /** A new lesion is found at its assessment unless it is reported absent. */
    boolean isNewLesionFound() {
        return newLesion && status.orElse(NonTargetStatus.PRESENT) != NonTargetStatus.ABSENT;
    }
}
