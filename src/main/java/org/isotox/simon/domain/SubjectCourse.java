package org.isotox.simon.domain;

import org.isotox.study.domain.EnrolledSubject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * What is known of one subject's course: the toxicity records of its patient and the date of the
 * last radiotherapy fraction, once the course is over.
 */
public record SubjectCourse(EnrolledSubject subject, List<ToxicityRecord> toxicities, Optional<LocalDate> lastFraction) {

    public SubjectCourse {
        toxicities = List.copyOf(toxicities);
    }
}
