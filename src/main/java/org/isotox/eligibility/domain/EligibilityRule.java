package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * One characteristic of the eligibility Group: the protocol criterion it belongs to, whether it
 * excludes, and how far back its evidence may lie.
 */
public record EligibilityRule(Criterion criterion, boolean exclude, Characteristic characteristic, Optional<Period> lookback) {

    /** The finding and what it means for the criterion (for an exclusion, MET = not excluded). */
    public record Result(Outcome outcome, Finding finding, Optional<String> settledBy) {}

    public Result evaluate(PatientRecord record, LocalDate asOf) {
        Finding finding = characteristic.assess(record, new EvidenceWindow(asOf, lookback));
        Presence presence = finding.presence();
        return new Result(exclude ? presence.forExclusion() : presence.forInclusion(), finding, characteristic.settledBy());
    }
}
