package org.isotox.registry.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's trial phases. A record lists one or two (PHASE1 and PHASE2 for a phase 1/2 trial);
 * FHIR R4 has one code for each combination.
 */
public enum Phase {
    NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4;

    private static final Map<List<Phase>, String> FHIR_CODES = Map.of(
            List.of(NA), "n-a",
            List.of(EARLY_PHASE1), "early-phase-1",
            List.of(PHASE1), "phase-1",
            List.of(PHASE1, PHASE2), "phase-1-phase-2",
            List.of(PHASE2), "phase-2",
            List.of(PHASE2, PHASE3), "phase-2-phase-3",
            List.of(PHASE3), "phase-3",
            List.of(PHASE4), "phase-4");

    /** The research-study-phase code of a record's phases; empty when FHIR has none for the combination. */
    public static Optional<String> fhirCode(List<Phase> phases) {
        return Optional.ofNullable(phases == null ? null : FHIR_CODES.get(phases.stream().sorted().toList()));
    }

    /** The record's phases for a research-study-phase code. */
    public static Optional<List<Phase>> ofFhir(String code) {
        return FHIR_CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst();
    }
}
