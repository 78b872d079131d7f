package org.isotox.study.domain;

import java.time.LocalDate;

/**
 * A subject on a study's roster: its enrolment sequence number and date, and whether it was
 * withdrawn. {@code reference} and {@code patient} are the FHIR references of the ResearchSubject
 * and its Patient.
 */
public record EnrolledSubject(String reference, String patient, int sequence, LocalDate enrolled, boolean withdrawn) {

    public EnrolledSubject {
        if (sequence < 1) {
            throw new IllegalArgumentException("enrolment sequence starts at 1, was " + sequence);
        }
        if (enrolled == null) {
            throw new IllegalArgumentException("subject " + reference + " has no enrolment date");
        }
    }
}
