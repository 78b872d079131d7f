package org.isotox.dose.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One radiotherapy fraction as delivered.
 *
 * @param date   the day it was delivered
 * @param doseGy the dose delivered, positive
 */
public record DeliveredFraction(LocalDate date, double doseGy) {

    public DeliveredFraction {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(doseGy) || doseGy <= 0) {
            throw new IllegalArgumentException("fraction of " + date + " has dose " + doseGy
                    + " Gy; a delivered fraction's dose must be a positive finite number");
        }
    }
}
