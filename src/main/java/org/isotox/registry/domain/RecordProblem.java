package org.isotox.registry.domain;

/** Something in a record the registry would reject, and where it is ({@code resultsSection.participantFlowModule.periods[0]}). */
public record RecordProblem(String expression, String message) {}
