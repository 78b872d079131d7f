package org.isotox.schedule.domain;

/** The events a subject's schedule counts from. Enrolment is a single day: its start is its end. */
public enum Anchor {
    ENROLMENT,
    RADIOTHERAPY_START,
    RADIOTHERAPY_END
}
