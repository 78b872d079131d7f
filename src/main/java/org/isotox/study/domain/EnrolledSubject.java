package org.isotox.study.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A subject on a study's roster: its enrolment sequence number and date, whether it was withdrawn
 * (lost to follow-up included) and, when recorded, the day it was withdrawn. {@code reference} and
 * {@code patient} are the FHIR references of the ResearchSubject and its Patient.
 */
public record EnrolledSubject(
        String reference, String patient, int sequence, LocalDate enrolled, boolean withdrawn,
        Optional<LocalDate> withdrawalDate) {

    public EnrolledSubject {
        if (sequence < 1) {
            throw new IllegalArgumentException("enrolment sequence starts at 1, was " + sequence);
        }
        if (enrolled == null) {
            throw new IllegalArgumentException("subject " + reference + " has no enrolment date");
        }
        if (withdrawalDate == null || withdrawalDate.isPresent() && !withdrawn) {
            throw new IllegalArgumentException("subject " + reference + " has a withdrawal date only if withdrawn");
        }
    }

    /** A subject with no withdrawal date on record (on study, or withdrawn on a day nobody recorded). */
    public EnrolledSubject(String reference, String patient, int sequence, LocalDate enrolled, boolean withdrawn) {
        this(reference, patient, sequence, enrolled, withdrawn, Optional.empty());
    }
}
