package org.isotox.eligibility.domain;

import java.util.Objects;

/** A code of a code system, as the rules and the patient's record name things. */
public record Code(String system, String code) {

    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return system + "|" + code;
    }
}
