package org.isotox.dose.domain;

/** The unit of a dose metric's value and limit. */
public enum MetricUnit {
    GRAY("Gy"),
    PERCENT("%");

    private final String ucumCode;

    MetricUnit(String ucumCode) {
        this.ucumCode = ucumCode;
    }

    /** The UCUM code of the unit. */
    public String ucumCode() {
        return ucumCode;
    }
}
