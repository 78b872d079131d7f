package org.isotox.registry.domain;

/** A ClinicalTrials.gov API v2 study record: its registration and, once there are results, its results. */
public record StudyRecord(ProtocolSection protocolSection, ResultsSection resultsSection) {}
