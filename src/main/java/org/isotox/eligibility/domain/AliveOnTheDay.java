package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * No protocol states it, every protocol assumes it: a patient the record gives as deceased by the day asked about is
 * not eligible. Reported as a criterion of its own, only when it fails, so that a living patient's report holds the
 * protocol's criteria and nothing else.
 */
final class AliveOnTheDay {

    static final Criterion CRITERION = new Criterion("alive", "The patient is alive on the day of enrolment");

    private AliveOnTheDay() {}

    static Optional<CriterionResult> failure(PatientRecord record, LocalDate asOf) {
        return record.death().filter(death -> death.by(asOf)).map(death -> new CriterionResult(
                CRITERION.code(), CRITERION.description(), Outcome.NOT_MET, List.of(record.reference()),
                record.reference() + " is recorded as " + death, List.of()));
    }
}
