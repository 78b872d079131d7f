package org.isotox.toxicity.domain;

import java.time.LocalDate;

/**
 * One graded toxicity at one assessment: a CTCAE term, its grade (0-5), the days radiotherapy was
 * interrupted because of it (0 when it was not), and the assessment date.
 *
 * @param source the record it was read from (a FHIR reference), kept as evidence
 */
public record ToxicityRecord(Term term, int grade, int interruptionDays, LocalDate date, String source) {

    public ToxicityRecord {
        if (term == null || date == null) {
            throw new IllegalArgumentException("a toxicity record needs a term and a date");
        }
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("CTCAE grade must be 0 to 5, was " + grade);
        }
        if (interruptionDays < 0) {
            throw new IllegalArgumentException("interruption days must not be negative, was " + interruptionDays);
        }
    }

    /** A CTCAE term by its code (NCIt in this project). */
    public record Term(String system, String code) {
        public Term {
            if (system == null || code == null || code.isBlank()) {
                throw new IllegalArgumentException("a term needs a system and a code");
            }
        }
    }
}
