package org.isotox.simon.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.dose.domain.CoursePhase;
import org.isotox.dose.domain.CourseState;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * What is known of one subject's course on the day of a status: the toxicity records of its patient
 * (with the breaks attributable to them counted in), and how far its radiotherapy had gone.
 */
public record SubjectCourse(EnrolledSubject subject, List<ToxicityRecord> toxicities, CourseState radiotherapy) {

    public SubjectCourse {
        toxicities = List.copyOf(toxicities);
    }

    /** A subject whose radiotherapy was completed on {@code lastFraction}, or has not ended (empty). */
    public SubjectCourse(EnrolledSubject subject, List<ToxicityRecord> toxicities, Optional<LocalDate> lastFraction) {
        this(subject, toxicities, new CourseState(
                lastFraction.isPresent() ? CoursePhase.COMPLETED : CoursePhase.RUNNING, lastFraction, Optional.empty()));
    }

    /** The last fraction of radiotherapy that is over. */
    public Optional<LocalDate> lastFraction() {
        return radiotherapy.end();
    }
}
