package org.isotox.simon.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.isotox.dose.domain.CoursePhase;
import org.isotox.study.domain.EnrolledSubject;

/**
 * A subject who counts in the analysis but is not evaluable yet, and why: its radiotherapy's phase
 * (not started, running, completed or stopped and awaiting the evaluation window).
 *
 * @param lastFraction the latest fraction, when one was given
 * @param evaluableOn  the day the evaluation window closes, once radiotherapy is over
 */
public record PendingEvaluation(
        EnrolledSubject subject, CoursePhase radiotherapy, Optional<LocalDate> lastFraction, Optional<LocalDate> evaluableOn) {}
