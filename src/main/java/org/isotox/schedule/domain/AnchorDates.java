package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The days a subject's schedule counts from, as far as they are known: the enrolment day always,
 * the first and last radiotherapy fractions once the course has started and ended.
 */
public record AnchorDates(LocalDate enrolment, Optional<LocalDate> radiotherapyStart, Optional<LocalDate> radiotherapyEnd) {

    public AnchorDates {
        if (enrolment == null) {
            throw new IllegalArgumentException("a schedule needs the enrolment day");
        }
    }

    public static AnchorDates enrolledOn(LocalDate enrolment) {
        return new AnchorDates(enrolment, Optional.empty(), Optional.empty());
    }

    public Optional<LocalDate> of(Anchor anchor) {
        return switch (anchor) {
            case ENROLMENT -> Optional.of(enrolment);
            case RADIOTHERAPY_START -> radiotherapyStart;
            case RADIOTHERAPY_END -> radiotherapyEnd;
        };
    }
}
