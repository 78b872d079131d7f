package org.isotox.eligibility.domain;

/** A characteristic of a shape the server cannot evaluate: always undetermined, saying why. */
public record UnsupportedCharacteristic(String label, String problem) implements Characteristic {

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        return Finding.undetermined("the rule on " + label + " cannot be evaluated: " + problem);
    }
}
