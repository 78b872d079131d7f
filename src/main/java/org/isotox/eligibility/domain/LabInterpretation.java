package org.isotox.eligibility.domain;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The latest lab result has an interpretation (HL7 v3 ObservationInterpretation, e.g. N = normal):
 * worked out from its value and reference range when it has both, else as the lab stated it.
 */
public record LabInterpretation(Concept lab, Code expected) implements Characteristic {

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        Optional<ObservationFact> latest = record.latestObservation(lab.codes(), window);
        if (latest.isEmpty()) {
            return LatestMeasurement.missing(record, lab, window);
        }
        return LatestMeasurement.in(record, lab, window)
                .flatMap(this::againstReferenceRange)
                .orElseGet(() -> asStated(latest.get()));
    }

    private Optional<Finding> againstReferenceRange(LatestMeasurement latest) {
        Optional<ValueRange> normal = latest.observation().referenceRange().filter(r -> !r.isEmpty());
        return normal.flatMap(range -> latest.measurement().in(range.unit(), range.unitLabel()).map(range::locate))
                .filter(position -> position != ValueRange.Position.UNDECIDED)
                .map(position -> {
                    String code = switch (position) {
                        case BELOW -> "L";
                        case ABOVE -> "H";
                        default -> "N";
                    };
                    Presence presence = expected.equals(new Code(SYSTEM, code)) ? Presence.PRESENT : Presence.ABSENT;
                    return latest.finding(presence, latest.describe() + " is " + position.name().toLowerCase()
                            + " its reference range (" + normal.get().describe() + ")");
                });
    }

    private Finding asStated(ObservationFact observation) {
        Set<String> stated = observation.interpretation().stream()
                .filter(c -> c.system().equals(SYSTEM))
                .map(Code::code)
                .collect(Collectors.toCollection(TreeSet::new));
        String observed = lab.label() + " on " + observation.day();
        if (stated.isEmpty()) {
            return Finding.undetermined(observed + " has neither a value with a reference range nor an interpretation",
                    observation.reference());
        }
        boolean asExpected = stated.contains(expected.code());
        return Finding.of(asExpected ? Presence.PRESENT : Presence.ABSENT, observed + " is interpreted as "
                + String.join(", ", stated) + (asExpected ? "" : ", not " + expected.code()), observation.reference());
    }

    @Override
    public Optional<String> settledBy() {
        return Optional.of("an Observation coded " + lab.describeCodes()
                + " with a numeric value and a reference range, or an interpretation coded in " + SYSTEM);
    }

    @Override
    public Set<Code> observationCodes() {
        return lab.codes();
    }
}
