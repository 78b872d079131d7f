package org.isotox.dose.domain;

/** How far a patient's radiotherapy has gone on a given day; {@link #code()} is the API's code. */
public enum CoursePhase {

    /** No dated fraction recorded. */
    NOT_STARTED("radiotherapy-not-started", false),
    /** Fractions given and more to come, or the last one too recent to call the course stopped. */
    RUNNING("radiotherapy-running", false),
    /** Every prescribed fraction delivered. */
    COMPLETED("radiotherapy-completed", true),
    /** The site stopped it: the prescription revoked, or the course summary set to stopped. */
    STOPPED_BY_SITE("radiotherapy-stopped", true),
    /** No fraction for the study's number of days while fractions remained. */
    STOPPED_WITHOUT_FRACTIONS("radiotherapy-stopped-without-fractions", true);

    private final String code;
    private final boolean over;

    CoursePhase(String code, boolean over) {
        this.code = code;
        this.over = over;
    }

    public String code() {
        return code;
    }

    /** Whether radiotherapy is over: no more fractions are expected. */
    public boolean over() {
        return over;
    }

    /** Whether it ended before all prescribed fractions were given. */
    public boolean stopped() {
        return this == STOPPED_BY_SITE || this == STOPPED_WITHOUT_FRACTIONS;
    }
}
