package org.isotox.eligibility.domain;

import java.util.Optional;
import java.util.Set;

/** One characteristic of a study's eligibility Group, and how the patient's record shows it. */
public sealed interface Characteristic
        permits AgeInRange,
                ObservedQuantityInRange,
                MultipleOfUpperLimit,
                LabInterpretation,
                RecordedFinding,
                QualifiedFinding,
                UnsupportedCharacteristic {

    Finding assess(PatientRecord record, EvidenceWindow window);

    /**
     * The record that would settle it when the record does not tell: its type, codes and the ValueSet or
     * ConceptMap its value is read through ("an Observation coded … with a value in ValueSet …").
     */
    Optional<String> settledBy();

    /** The Observation codes whose records it reads. */
    default Set<Code> observationCodes() {
        return Set.of();
    }
}
