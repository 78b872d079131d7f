package org.isotox.eligibility.domain;

/** A criterion's result from the eligibility point of view: MET means the patient passes it. */
public enum Outcome {
    MET("met"),
    NOT_MET("not-met"),
    UNKNOWN("unknown");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /** The code of the {@code $check-eligibility} contract. */
    public String code() {
        return code;
    }
}
