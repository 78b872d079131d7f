package org.isotox.response.domain;

import java.util.Arrays;

/**
 * What the reader reports for one non-target lesion at an assessment (Eisenhauer et al. 2009,
 * section 4.3.3). For a nodal non-target, {@link #ABSENT} means the node has returned to a
 * non-pathological size (short axis &lt; 10 mm).
 */
public enum NonTargetStatus {
    ABSENT("absent"),
    PRESENT("present"),
    UNEQUIVOCAL_PROGRESSION("unequivocal-progression");

    private final String code;

    NonTargetStatus(String code) {
        this.code = code;
    }

    /** The code used on the wire: absent, present or unequivocal-progression. */
    public String code() {
        return code;
    }

    /** The status whose {@link #code()} is {@code code} (exact match). */
    public static NonTargetStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown non-target status '" + code + "'"));
    }
}
