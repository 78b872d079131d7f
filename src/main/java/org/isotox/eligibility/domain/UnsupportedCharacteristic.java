package org.isotox.eligibility.domain;

import java.util.Optional;
/** A characteristic of a shape the server cannot evaluate: always undetermined, saying why. */
public record UnsupportedCharacteristic(String label, String problem) implements Characteristic {

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        return Finding.undetermined("the rule on " + label + " cannot be evaluated: " + problem);
    }

    /** No record: the study's definition must change. */
    @Override
    public Optional<String> settledBy() {
        return Optional.empty();
    }
}
