package org.isotox.eligibility.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** A code of a code system, as the rules and the patient's record name things. */
public record Code(String system, String code) {

    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }

    /** The codes as {@code system|code}, sorted, comma-separated: what a record must carry. */
    public static String list(Collection<Code> codes) {
        return codes.stream().map(Code::toString).sorted().collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return system + "|" + code;
    }
}
