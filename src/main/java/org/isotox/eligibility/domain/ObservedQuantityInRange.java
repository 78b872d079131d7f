package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The latest numeric Observation of a code lies in a range (Karnofsky at least 60, life expectancy at least 3
 * months). A score on another scale counts through its {@code conversions} (ECOG for Karnofsky): the latest of
 * either decides, the observable's own on the same day.
 */
public record ObservedQuantityInRange(Concept observable, ValueRange range, List<ScaleConversion> conversions)
        implements Characteristic {

    public ObservedQuantityInRange {
        conversions = List.copyOf(conversions);
    }

    public ObservedQuantityInRange(Concept observable, ValueRange range) {
        this(observable, range, List.of());
    }

    private record ConvertedScore(ScaleConversion conversion, LatestMeasurement score) {}

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        Optional<LatestMeasurement> own = LatestMeasurement.in(record, observable, window);
        Optional<Finding> converted = conversions.stream()
                .flatMap(conversion -> LatestMeasurement.in(record, conversion.from(), window).stream()
                        .filter(score -> own.map(o -> score.observation().effective().isAfter(o.observation().effective()))
                                .orElse(true))
                        .map(score -> new ConvertedScore(conversion, score)))
                .max(Comparator.comparing(candidate -> candidate.score().observation().effective()))
                .map(this::judge);
        if (converted.isPresent()) {
            return converted.get();
        }
        return own.map(this::judge).orElseGet(() -> LatestMeasurement.missing(record, observable, window));
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

    private Finding judge(ConvertedScore converted) {
        ScaleConversion conversion = converted.conversion();
        LatestMeasurement score = converted.score();
        if (score.measurement().comparator() != Measurement.Comparator.EXACT) {
            return score.finding(Presence.UNDETERMINED, score.describe() + " is not an exact score");
        }
        Optional<TreeSet<BigDecimal>> candidates = conversion.of(score.measurement().value());
        if (candidates.isEmpty()) {
            return score.finding(Presence.UNDETERMINED,
                    score.describe() + " has no " + observable.label() + " in ConceptMap " + conversion.conceptMap());
        }
        String stands = candidates.get().size() == 1
                ? Measurement.plain(candidates.get().first())
                : Measurement.plain(candidates.get().first()) + " to " + Measurement.plain(candidates.get().last());
        ValueRange.Position position = ScaleConversion.locate(candidates.get(), range);
        String verdict = position == ValueRange.Position.UNDECIDED
                ? "which straddles " + range.describe()
                : "which is " + range.describe(position);
        return score.finding(position.presence(), score.describe() + " stands for " + observable.label() + " " + stands
                + " (ConceptMap " + conversion.conceptMap() + "), " + verdict);
    }

    @Override
    public Set<Code> observationCodes() {
        Set<Code> codes = new HashSet<>(observable.codes());
        conversions.forEach(conversion -> codes.addAll(conversion.from().codes()));
        return codes;
    }

    @Override
    public Optional<String> settledBy() {
        return Optional.of("an Observation coded " + observable.describeCodes() + " with a numeric value"
                + conversions.stream()
                        .map(c -> ", or coded " + c.from().describeCodes() + " with a score that ConceptMap "
                                + c.conceptMap() + " converts")
                        .collect(Collectors.joining()));
    }
}
