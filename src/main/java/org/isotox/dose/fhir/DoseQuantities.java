package org.isotox.dose.fhir;

import org.hl7.fhir.r4.model.Quantity;

/** Doses in Gy from FHIR Quantities stated in Gy or cGy (CodeX and mCODE state cGy). */
final class DoseQuantities {

    static final String UCUM = "http://unitsofmeasure.org";

    private DoseQuantities() {}

    static double gray(Quantity quantity) {
        if (quantity == null || !quantity.hasValue()) {
            throw new IllegalArgumentException("a dose has no value");
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        double value = quantity.getValue().doubleValue();
        if ("Gy".equals(unit)) {
            return value;
        }
        if ("cGy".equals(unit)) {
            return value / 100;
        }
        throw new IllegalArgumentException("a dose must be in Gy or cGy (UCUM), not '" + unit + "'");
    }

    static Quantity ofGray(double gray) {
        return new Quantity().setValue(round(gray)).setUnit("Gy").setSystem(UCUM).setCode("Gy");
    }

    static Quantity ofPercent(double percent) {
        return new Quantity().setValue(round(percent)).setUnit("%").setSystem(UCUM).setCode("%");
    }

    /** Six decimals: far below any clinical precision, and free of binary noise like 65.99999999999999. */
    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
