package org.isotox.eligibility.domain;

import java.util.List;

/**
 * The result of one protocol criterion: {@code evidence} holds FHIR references (e.g.
 * {@code Observation/123}) of what was used, {@code reason} one sentence a clinician can read, and for an
 * unknown criterion {@code settledBy} the records that would settle it.
 */
public record CriterionResult(
        String code, String description, Outcome outcome, List<String> evidence, String reason, List<String> settledBy) {

    public CriterionResult {
        evidence = List.copyOf(evidence);
        settledBy = List.copyOf(settledBy);
    }
}
