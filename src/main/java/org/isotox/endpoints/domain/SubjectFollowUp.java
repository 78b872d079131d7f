package org.isotox.endpoints.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the record says of one subject's course after enrolment: death, the last date known alive,
 * and the tumour assessments (RECIST time points).
 *
 * @param enrolled    time zero of every endpoint
 * @param death       the date of death, if the patient died
 * @param lastContact the latest date the patient was seen or recorded alive, if any
 * @param assessments RECIST time-point assessments after enrolment
 */
public record SubjectFollowUp(
        String subject, LocalDate enrolled, Optional<LocalDate> death, Optional<LocalDate> lastContact,
        List<TumourAssessment> assessments) {

    public SubjectFollowUp {
        if (enrolled == null || death == null || lastContact == null) {
            throw new IllegalArgumentException("a follow-up needs an enrolment date (and possibly empty death and contact)");
        }
        assessments = List.copyOf(assessments);
    }

    /**
     * One RECIST time point.
     *
     * @param progression        the overall response is PD
     * @param progressionInField the PD involves the irradiated tumour (a local failure)
     */
    public record TumourAssessment(LocalDate date, boolean progression, boolean progressionInField) {}
}
