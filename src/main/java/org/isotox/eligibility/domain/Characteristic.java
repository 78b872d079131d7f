package org.isotox.eligibility.domain;

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

    /** The Observation codes whose records it reads. */
    default Set<Code> observationCodes() {
        return Set.of();
    }

    /** The Condition codes whose records it reads. */
    default Set<Code> conditionCodes() {
        return Set.of();
    }
}
