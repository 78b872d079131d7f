package org.isotox.dose.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * A patient's radiotherapy on a given day.
 *
 * @param lastFraction the latest delivered fraction by that day, when known
 * @param stopReason   the cause a stop names (a CTCAE term, a refusal, ...), when it names one
 */
public record CourseState(CoursePhase phase, Optional<LocalDate> lastFraction, Optional<ToxicityRecord.Term> stopReason) {

    public CourseState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(lastFraction, "lastFraction");
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /** The last fraction of a course that is over: the day evaluability and follow-up count from. */
    public Optional<LocalDate> end() {
        return phase.over() ? lastFraction : Optional.empty();
    }
}
