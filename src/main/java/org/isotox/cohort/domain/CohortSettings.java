package org.isotox.cohort.domain;

import java.time.LocalDate;

/**
 * What to generate: {@code subjects} subjects, the first enrolled on {@code firstEnrolment} and one
 * every {@code daysBetweenEnrolments} after, with their records up to {@code asOf} (nothing later
 * is written: a subject enrolled a year before {@code asOf} has a year of follow-up). The same
 * settings give the same cohort, record for record.
 */
public record CohortSettings(long seed, int subjects, LocalDate firstEnrolment, int daysBetweenEnrolments, LocalDate asOf) {

    public CohortSettings {
        if (subjects < 1) {
            throw new IllegalArgumentException("a cohort has at least one subject, not " + subjects);
        }
        if (daysBetweenEnrolments < 0) {
            throw new IllegalArgumentException("days between enrolments must not be negative");
        }
        if (asOf.isBefore(firstEnrolment)) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the first enrolment " + firstEnrolment);
        }
    }

    /** The enrolment date of subject {@code number} (1-based). */
    public LocalDate enrolmentOf(int number) {
        return firstEnrolment.plusDays((long) (number - 1) * daysBetweenEnrolments);
    }
}
