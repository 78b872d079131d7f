package org.isotox.response.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A target lesion at baseline with its diameter in mm: the longest diameter, or the short axis
 * for a lymph node (Eisenhauer et al. 2009, section 4.2). The organ is optional; when given it is
 * used for the "at most two target lesions per organ" rule. {@code inField}: the lesion lies in the
 * irradiated field.
 */
public record TargetLesion(String id, boolean node, BigDecimal diameterMm, Optional<String> organ, boolean inField)
        implements BaselineLesion {

    public TargetLesion {
        LesionIds.require(id);
        Objects.requireNonNull(diameterMm, () -> "diameter of target lesion " + id);
        if (diameterMm.signum() < 0) {
            throw new IllegalArgumentException(
                    "diameter of target lesion " + id + " must not be negative: " + diameterMm);
        }
        Objects.requireNonNull(organ, () -> "organ of target lesion " + id);
        if (organ.isPresent() && organ.get().isBlank()) {
            throw new IllegalArgumentException("organ of target lesion " + id + " must not be blank");
        }
    }

    /** A target lesion outside the irradiated field. */
    public TargetLesion(String id, boolean node, BigDecimal diameterMm, Optional<String> organ) {
        this(id, node, diameterMm, organ, false);
    }

    /** A target lesion without an organ, outside the irradiated field. */
    public TargetLesion(String id, boolean node, BigDecimal diameterMm) {
        this(id, node, diameterMm, Optional.empty(), false);
    }
}
