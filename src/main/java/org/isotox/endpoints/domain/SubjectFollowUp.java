package org.isotox.endpoints.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the record says of one subject's course after enrolment: death, the last date known alive,
 * the tumour assessments (RECIST time points) and whether the subject was withdrawn.
 *
 * @param enrolled       time zero of every endpoint
 * @param death          the date of death, if the patient died
 * @param lastContact    the latest date the patient was seen or recorded alive, if any
 * @param assessments    RECIST time-point assessments after enrolment
 * @param withdrawn      the subject was withdrawn from the study (lost to follow-up included)
 * @param withdrawalDate the day it was withdrawn, when recorded
 */
public record SubjectFollowUp(
        String subject, LocalDate enrolled, Optional<LocalDate> death, Optional<LocalDate> lastContact,
        List<TumourAssessment> assessments, boolean withdrawn, Optional<LocalDate> withdrawalDate) {

    public SubjectFollowUp {
        if (enrolled == null || death == null || lastContact == null || withdrawalDate == null) {
            throw new IllegalArgumentException("a follow-up needs an enrolment date (and possibly empty death, contact and withdrawal)");
        }
        if (withdrawalDate.isPresent() && !withdrawn) {
            throw new IllegalArgumentException("subject " + subject + " has a withdrawal date only if withdrawn");
        }
        assessments = List.copyOf(assessments);
    }

    /** A subject who was not withdrawn. */
    public SubjectFollowUp(String subject, LocalDate enrolled, Optional<LocalDate> death, Optional<LocalDate> lastContact,
            List<TumourAssessment> assessments) {
        this(subject, enrolled, death, lastContact, assessments, false, Optional.empty());
    }

    /**
     * The day a withdrawn subject's follow-up ended: its withdrawal date, or, when none was recorded,
     * the last date it was seen (its enrolment when never seen since); empty for a subject not withdrawn.
     */
    public Optional<LocalDate> followedUntil() {
        if (!withdrawn) {
            return Optional.empty();
        }
        return withdrawalDate.or(() -> Optional.of(lastContact.filter(enrolled::isBefore).orElse(enrolled)));
    }

    /** The same record with the subject known alive on {@code day} and seen no later. */
    SubjectFollowUp lastSeenOn(LocalDate day) {
        return new SubjectFollowUp(subject, enrolled, death, Optional.of(day), assessments, withdrawn, withdrawalDate);
    }

    /**
     * One RECIST time point.
     *
     * @param progression        the overall response is PD
     * @param progressionInField the PD involves the irradiated tumour (a local failure)
     */
    public record TumourAssessment(LocalDate date, boolean progression, boolean progressionInField) {}
}
