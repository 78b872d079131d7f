package org.isotox.response.domain;

/** A lesion recorded at baseline: either a measured target or a non-target. */
public sealed interface BaselineLesion permits TargetLesion, NonTargetLesion {

    /** The identifier that the assessments use for this lesion. */
    String id();

    /** Whether the lesion is a lymph node (measured in short axis). */
    boolean node();

    /** Whether the lesion lies in the irradiated field (for local control). */
    boolean inField();
}
