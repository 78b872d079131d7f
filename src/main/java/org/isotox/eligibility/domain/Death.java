package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The record says the patient has died: on {@code day}, or on a day it does not give. */
public record Death(Optional<LocalDate> day) {

    /** Whether the patient had died by {@code asOf}; a death without a day is taken as before any day asked about. */
    public boolean by(LocalDate asOf) {
        return day.map(d -> !d.isAfter(asOf)).orElse(true);
    }

    @Override
    public String toString() {
        return day.map(d -> "deceased on " + d).orElse("deceased");
    }
}
