package org.isotox.server;

import java.math.BigDecimal;

/** Whether a decimal literal is within what a clinical value (and a PostgreSQL index) can be. */
final class NumberLiteral {

    /** Beyond double precision's range: no measurement, and HAPI would write out every digit. */
    private static final int MAX_DIGITS = 300;

    private NumberLiteral() {}

    static boolean isWithinRange(String literal) {
        BigDecimal value;
        try {
            value = new BigDecimal(literal);
        } catch (NumberFormatException e) {
            // not a number at all: the FHIR parser reports it
            return true;
        }
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= MAX_DIGITS && value.scale() <= MAX_DIGITS;
    }

    /** The literal as an answer may quote it: its first 40 characters. */
    static String abbreviated(String literal) {
        return literal.length() <= 40 ? literal : literal.substring(0, 40) + "…";
    }
}
