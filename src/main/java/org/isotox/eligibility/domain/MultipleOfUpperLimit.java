package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The latest lab value as a multiple of the upper limit of normal that the lab reported with it
 * (its reference range high) lies in a range of multiples (e.g. at most 2.5 x ULN).
 */
public record MultipleOfUpperLimit(Concept lab, ValueRange multiples) implements Characteristic {

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        return LatestMeasurement.judged(record, lab, window, this::judge);
    }

    private Finding judge(LatestMeasurement latest) {
        Optional<ValueRange> normal = latest.observation().referenceRange()
                .filter(r -> r.high().filter(high -> high.signum() > 0).isPresent());
        if (normal.isEmpty()) {
            return latest.finding(Presence.UNDETERMINED, latest.describe() + " has no upper limit of normal to compare with");
        }
        BigDecimal upperLimit = normal.get().high().orElseThrow();
        Optional<Measurement> comparable = latest.measurement().in(normal.get().unit(), normal.get().unitLabel());
        if (comparable.isEmpty()) {
            return latest.finding(Presence.UNDETERMINED,
                    latest.describe() + " is not in the unit of its reference range (" + normal.get().unitLabel() + ")");
        }
        Measurement ratio = comparable.get().dividedBy(upperLimit, multiples.unit(), multiples.unitLabel());
        ValueRange.Position position = multiples.locate(ratio);
        String upper = Measurement.exact(upperLimit, normal.get().unit(), normal.get().unitLabel()).toString();
        return latest.finding(position.presence(), latest.describe() + " is " + ratio.comparator().symbol()
                + Measurement.plain(ratio.value()) + " times its upper limit of normal (" + upper + "), "
                + multiples.describe(position));
    }

    @Override
    public Optional<String> settledBy() {
        return Optional.of("an Observation coded " + lab.describeCodes()
                + " with a numeric value and a reference range with an upper limit in its unit");
    }

    @Override
    public Set<Code> observationCodes() {
        return lab.codes();
    }
}
