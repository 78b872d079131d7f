package org.isotox.eligibility.domain;

/** Whether the patient has a characteristic, as far as the record tells. */
public enum Presence {
    /** The record shows it. */
    PRESENT,
    /** The record contradicts it. */
    ABSENT,
    /**
     * The record holds no such diagnosis. A problem list is taken as complete for exclusions (no
     * recorded pulmonary fibrosis means none), but an inclusion needs evidence that is there.
     */
    NOT_DIAGNOSED,
    /** The record does not tell: nothing recorded, or what is recorded cannot decide it. */
    UNDETERMINED;

    /** The criterion outcome when the patient must have the characteristic. */
    public Outcome forInclusion() {
        return switch (this) {
            case PRESENT -> Outcome.MET;
            case ABSENT -> Outcome.NOT_MET;
            case NOT_DIAGNOSED, UNDETERMINED -> Outcome.UNKNOWN;
        };
    }

    /** The criterion outcome when the characteristic excludes the patient: MET means not excluded. */
    public Outcome forExclusion() {
        return switch (this) {
            case PRESENT -> Outcome.NOT_MET;
            case ABSENT, NOT_DIAGNOSED -> Outcome.MET;
            case UNDETERMINED -> Outcome.UNKNOWN;
        };
    }

    /** PRESENT when every part is, ABSENT when any part is, UNDETERMINED otherwise. */
    static Presence ofAll(Presence... parts) {
        boolean allPresent = true;
        for (Presence part : parts) {
            if (part == ABSENT) {
                return ABSENT;
            }
            allPresent &= part == PRESENT;
        }
        return allPresent ? PRESENT : UNDETERMINED;
    }
}
