package org.isotox.eligibility.domain;

import java.util.Optional;
import java.util.function.Function;

/** The latest Observation of a concept within the evidence window, with its numeric value. */
record LatestMeasurement(Concept concept, ObservationFact observation, Measurement measurement) {

    /** {@code judge} applied to the latest measurement of {@code concept}, or why there is none. */
    static Finding judged(PatientRecord record, Concept concept, EvidenceWindow window,
            Function<LatestMeasurement, Finding> judge) {
        return in(record, concept, window).map(judge).orElseGet(() -> missing(record, concept, window));
    }

    static Optional<LatestMeasurement> in(PatientRecord record, Concept concept, EvidenceWindow window) {
        return record.latestObservation(concept.codes(), window)
                .filter(o -> o.value() instanceof ObservedValue.Measured)
                .map(o -> new LatestMeasurement(concept, o, ((ObservedValue.Measured) o.value()).measurement()));
    }

    /** Why there is no latest measurement: nothing recorded, or the latest record has no number. */
    static Finding missing(PatientRecord record, Concept concept, EvidenceWindow window) {
        return record.latestObservation(concept.codes(), window)
                .map(o -> Finding.undetermined(
                        concept.label() + " on " + o.day() + " (" + o.reference() + ") has no numeric value",
                        o.reference()))
                .orElseGet(() -> Finding.noneRecorded(Presence.UNDETERMINED, concept, window));
    }

    /** "Karnofsky Performance Status score 50 on 2026-01-03". */
    String describe() {
        return concept.label() + " " + measurement + " on " + observation.day();
    }

    String reference() {
        return observation.reference();
    }

    Finding finding(Presence presence, String reason) {
        return Finding.of(presence, reason, reference());
    }
}
