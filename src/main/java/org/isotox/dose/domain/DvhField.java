package org.isotox.dose.domain;

/** The part of a DVH input that a {@link DvhProblem} points at. */
public enum DvhField {
    /** The structure code. */
    STRUCTURE,
    /** The list of points as a whole (too few of them). */
    POINTS,
    /** The dose of one point. */
    DOSE,
    /** The volume of one point. */
    VOLUME,
    /** The given maximum dose. */
    DMAX,
    /** The given mean dose. */
    DMEAN
}
