package org.isotox.response.domain;

/**
 * A non-target lesion at baseline: followed qualitatively, never measured (section 4.2).
 * {@code inField}: the lesion lies in the irradiated field.
 */
public record NonTargetLesion(String id, boolean node, boolean inField) implements BaselineLesion {

    public NonTargetLesion {
        LesionIds.require(id);
    }

    /** A non-target lesion outside the irradiated field. */
    public NonTargetLesion(String id, boolean node) {
        this(id, node, false);
    }
}
