package org.isotox.eligibility.domain;

/** A protocol criterion (inclusion or exclusion); several characteristics may make up one. */
public record Criterion(String code, String description) {}
