package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A dated record that shows an activity was done: a finished visit, a completed questionnaire, an
 * imaging study. {@code fulfils} are the activity codes a record of its kind can fulfil;
 * {@code source} names it (a FHIR reference).
 */
public record EvidenceRecord(String source, LocalDate date, Set<String> fulfils) {

    public EvidenceRecord {
        if (source == null || date == null) {
            throw new IllegalArgumentException("evidence needs a source and a date");
        }
        fulfils = Set.copyOf(fulfils);
    }
}
