package org.isotox.simon.domain;

/** Where a running Simon two-stage trial stands; {@link #code()} is the API's decision code. */
public enum StoppingDecision {

    /** Fewer than n1 enrolled and the stage-1 toxicity boundary not reached. */
    ACCRUING_STAGE_1("accruing-stage-1"),
    /** n1 enrolled, not all of them evaluable, boundary not reached. */
    AWAITING_STAGE_1_EVALUATION("awaiting-stage-1-evaluation"),
    /** Severe-toxicity subjects among the first n1 reached n1 - r1. */
    STOPPED_FOR_TOXICITY("stopped-for-toxicity"),
    /** Stage 2 open and fewer than n subjects evaluable. */
    ACCRUING_STAGE_2("accruing-stage-2"),
    /** All n evaluable and more than r of them free of severe toxicity. */
    COMPLETE_ACCEPTABLE("complete-acceptable"),
    /** All n evaluable and at most r of them free of severe toxicity. */
    COMPLETE_UNACCEPTABLE("complete-unacceptable");

    private final String code;

    StoppingDecision(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The decision with this code. */
    public static StoppingDecision fromCode(String code) {
        for (StoppingDecision decision : values()) {
            if (decision.code.equals(code)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown stopping decision code: " + code);
    }
}
