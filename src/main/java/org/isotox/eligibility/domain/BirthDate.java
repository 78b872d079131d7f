package org.isotox.eligibility.domain;

import java.time.LocalDate;

/** A birth date, maybe known to the year or month only: the earliest and latest day it can be. */
public record BirthDate(LocalDate earliest, LocalDate latest) {

    public static BirthDate exactly(LocalDate day) {
        return new BirthDate(day, day);
    }

    @Override
    public String toString() {
        return earliest.equals(latest) ? earliest.toString() : "between " + earliest + " and " + latest;
    }
}
