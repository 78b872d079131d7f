package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A published correspondence between two scores of one thing (ECOG to Karnofsky performance status): each
 * score of {@code from} stands for one or more scores of the target scale, as the ConceptMap {@code conceptMap} says.
 */
public record ScaleConversion(Concept from, String conceptMap, Map<BigDecimal, Set<BigDecimal>> scores) {

    public ScaleConversion {
        Map<BigDecimal, Set<BigDecimal>> normalized = new HashMap<>();
        scores.forEach((score, targets) -> normalized.put(score.stripTrailingZeros(), Set.copyOf(targets)));
        scores = Map.copyOf(normalized);
    }

    /** The target scores {@code score} stands for, lowest first; empty when the map does not have it. */
    public Optional<TreeSet<BigDecimal>> of(BigDecimal score) {
        return Optional.ofNullable(scores.get(score.stripTrailingZeros())).map(TreeSet::new);
    }

    /**
     * Where scores that may be any of {@code candidates} lie against {@code range}: within (or outside) only
     * when every candidate is; UNDECIDED when they straddle a limit (ECOG 2, Karnofsky 50 to 60, against at least 60).
     */
    public static ValueRange.Position locate(Set<BigDecimal> candidates, ValueRange range) {
        Set<Presence> presences = new HashSet<>();
        candidates.forEach(value -> presences.add(range.locate(Measurement.exact(value, range.unit(), range.unitLabel())).presence()));
        if (presences.equals(Set.of(Presence.PRESENT))) {
            return ValueRange.Position.WITHIN;
        }
        if (presences.equals(Set.of(Presence.ABSENT))) {
            return range.locate(Measurement.exact(candidates.iterator().next(), range.unit(), range.unitLabel()));
        }
        return ValueRange.Position.UNDECIDED;
    }
}
