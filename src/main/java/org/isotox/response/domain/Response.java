package org.isotox.response.domain;

import java.util.Arrays;

/**
 * RECIST 1.1 response categories (Eisenhauer et al. 2009, sections 4.3.1, 4.3.3 and 4.4.1).
 * {@link #NON_CR_NON_PD} is the category for non-target disease that is neither in complete
 * response nor progressing; it is also the overall response of a patient with non-target disease
 * only (Table 2, footnote a: preferred over "stable disease" there).
 */
public enum Response {
    CR("CR"),
    PR("PR"),
    SD("SD"),
    PD("PD"),
    NE("NE"),
    NON_CR_NON_PD("non-CR/non-PD");

    private final String code;

    Response(String code) {
        this.code = code;
    }

    /** The code used on the wire: CR, PR, SD, PD, NE or non-CR/non-PD. */
    public String code() {
        return code;
    }

    /** The response whose {@link #code()} is {@code code} (exact match). */
    public static Response fromCode(String code) {
        return Arrays.stream(values())
                .filter(response -> response.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown response code '" + code + "'"));
    }
}
