package org.isotox.simon.domain;

/**
 * What the stopping boundary counts. The IHR protocol says it two ways: "more than 3 patients had
 * serious side effects" (abstract, statistics) counts patients with any severe toxicity; "4 or more
 * patients have grade III or above radiation pneumonitis" or "4 or more ... radiation esophagitis"
 * (trial design) counts each term's patients apart, so that 2 + 2 does not stop the trial.
 */
public enum SevereToxicityCounting {

    /** Subjects with any severe toxicity: the reading of the Simon design, whose binomial counts patients. */
    PER_PATIENT("per-patient"),
    /** Subjects with a severe toxicity of one term, term by term; the boundary is reached when any term reaches it. */
    PER_TERM("per-term");

    private final String code;

    SevereToxicityCounting(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SevereToxicityCounting fromCode(String code) {
        for (SevereToxicityCounting counting : values()) {
            if (counting.code.equals(code)) {
                return counting;
            }
        }
        throw new IllegalArgumentException("severe toxicity is counted per-patient or per-term, not " + code);
    }
}
