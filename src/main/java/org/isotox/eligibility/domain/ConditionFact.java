package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Condition of the patient as the rules read it. Entered-in-error Conditions never get here.
 * {@code grading} holds the codes of its severity and stage summaries, {@code stages} those of its stage
 * summaries alone, {@code attributes} the codes of its coded extensions by extension URL (the mCODE histology).
 */
public record ConditionFact(
        String reference,
        Set<Code> codes,
        String label,
        ClinicalStatus clinicalStatus,
        Verification verification,
        Optional<LocalDate> onset,
        Optional<LocalDate> recorded,
        Set<Code> grading,
        Set<Code> stages,
        Map<String, Set<Code>> attributes) {

    /** Active, recurrence and relapse are ACTIVE; a Condition without a clinical status is taken at face value. */
    public enum ClinicalStatus {
        ACTIVE,
        INACTIVE
    }

    /** Confirmed (or stated without a verification status), suspected (unconfirmed, provisional, differential), refuted. */
    public enum Verification {
        CONFIRMED,
        SUSPECTED,
        REFUTED
    }

    public ConditionFact {
        codes = Set.copyOf(codes);
        grading = Set.copyOf(grading);
        stages = Set.copyOf(stages);
        attributes = Map.copyOf(attributes);
    }

    /** Whether it is coded with one of {@code wanted}. */
    public boolean isCodedByAnyOf(Set<Code> wanted) {
        return codes.stream().anyMatch(wanted::contains);
    }

    /** When it happened: its onset, else when it was recorded. */
    public Optional<LocalDate> date() {
        return onset.or(() -> recorded);
    }

    /** Whether the record already held it on {@code day}. */
    boolean isKnownOn(LocalDate day) {
        return recorded.or(() -> onset).map(d -> !d.isAfter(day)).orElse(true);
    }

    boolean isActive() {
        return clinicalStatus == ClinicalStatus.ACTIVE;
    }

    String describe() {
        return label + " (" + reference + date().map(d -> ", " + (onset.isPresent() ? "onset " : "recorded ") + d).orElse("")
                + ")";
    }
}
