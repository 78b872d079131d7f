package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** What the server holds about a patient that eligibility rules read. */
public record PatientRecord(
        String reference,
        Optional<BirthDate> birthDate,
        List<ObservationFact> observations,
        List<ConditionFact> conditions,
        Optional<Death> death) {

    public PatientRecord {
        observations = List.copyOf(observations);
        conditions = List.copyOf(conditions);
    }

    /** The Observations with one of {@code codes} made within {@code window}, latest first. */
    public List<ObservationFact> observations(Set<Code> codes, EvidenceWindow window) {
        return observations.stream()
                .filter(o -> o.isCodedByAnyOf(codes) && window.contains(o.effective().toLocalDate()))
                .sorted(Comparator.comparing(ObservationFact::effective).reversed())
                .toList();
    }

    /** The latest Observation with one of {@code codes} made within {@code window}. */
    public Optional<ObservationFact> latestObservation(Set<Code> codes, EvidenceWindow window) {
        return observations(codes, window).stream().findFirst();
    }

    /** The Conditions with one of {@code codes} that the record already held on {@code day}. */
    public List<ConditionFact> conditions(Set<Code> codes, LocalDate day) {
        return conditions(c -> c.isCodedByAnyOf(codes), day);
    }

    /** The Conditions that {@code which} selects and that the record already held on {@code day}. */
    public List<ConditionFact> conditions(Predicate<ConditionFact> which, LocalDate day) {
        return conditions.stream().filter(c -> which.test(c) && c.isKnownOn(day)).toList();
    }
}
