package org.isotox.eligibility.domain;

import java.util.Optional;
import java.util.Set;

/** The latest numeric Observation of a code lies in a range (Karnofsky at least 60, life expectancy at least 3 months). */
public record ObservedQuantityInRange(Concept observable, ValueRange range) implements Characteristic {

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        return LatestMeasurement.judged(record, observable, window, this::judge);
    }

    private Finding judge(LatestMeasurement latest) {
        Optional<Measurement> comparable = latest.measurement().in(range.unit(), range.unitLabel());
        if (comparable.isEmpty()) {
            return latest.finding(Presence.UNDETERMINED,
                    latest.describe() + " is in a unit that cannot be compared with " + range.describe());
        }
        ValueRange.Position position = range.locate(comparable.get());
        return latest.finding(position.presence(), latest.describe() + " is " + range.describe(position));
    }

    @Override
    public Set<Code> observationCodes() {
        return observable.codes();
    }
}
