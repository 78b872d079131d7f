package org.isotox.eligibility.domain;

import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The patient has a finding: a Condition with its code, or an Observation with its code and a
 * yes/no value (an investigator's judgement). With a look-back only events dated within it count,
 * whatever their clinical status (an infarction two months ago counts even when recorded as
 * resolved); without one only active Conditions count.
 *
 * <p>{@code diagnosis}: the code names a diagnosis, so a record without it means the patient does
 * not have it ({@link Presence#NOT_DIAGNOSED}); otherwise (an assessment) nothing recorded is
 * {@link Presence#UNDETERMINED}.
 *
 * <p>{@code recordedWith}: broader codes that name the finding together with an attribute (a lung cancer
 * with a non-small cell histology); such Conditions count as if coded with the finding.
 */
public record RecordedFinding(Concept finding, boolean diagnosis, List<RecordedWith> recordedWith)
        implements Characteristic {

    public RecordedFinding {
        recordedWith = List.copyOf(recordedWith);
    }

    public RecordedFinding(Concept finding, boolean diagnosis) {
        this(finding, diagnosis, List.of());
    }

    /** In order of precedence: a confirmed record, a "yes", an undated or suspected record, a "no", a refutation. */
    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        List<ConditionFact> known = record.conditions(this::names, window.asOf());
        List<ConditionFact> current = known.stream()
                .filter(c -> c.verification() != ConditionFact.Verification.REFUTED)
                .filter(c -> window.lookback().isPresent() || c.isActive())
                .toList();
        List<ConditionFact> confirmed = select(current, ConditionFact.Verification.CONFIRMED, c -> window.covers(c.date()));
        Optional<ObservationFact> judgement = record.observations(finding.codes(), window).stream()
                .filter(o -> o.value() instanceof ObservedValue.Flag)
                .findFirst();
        if (!confirmed.isEmpty()) {
            return conditions(Presence.PRESENT, confirmed, " recorded" + window.suffix());
        }
        if (judgement.filter(RecordedFinding::says).isPresent()) {
            return judged(judgement.get());
        }
        List<ConditionFact> undated = select(current, ConditionFact.Verification.CONFIRMED, c -> c.date().isEmpty());
        if (!undated.isEmpty()) {
            return conditions(Presence.UNDETERMINED, undated, " recorded without a date to place it" + window.suffix());
        }
        List<ConditionFact> suspected = select(current, ConditionFact.Verification.SUSPECTED, c -> window.covers(c.date()));
        if (!suspected.isEmpty()) {
            return conditions(Presence.UNDETERMINED, suspected, " suspected, not confirmed");
        }
        if (judgement.isPresent()) {
            return judged(judgement.get());
        }
        List<ConditionFact> refuted = select(known, ConditionFact.Verification.REFUTED, c -> true);
        if (!refuted.isEmpty()) {
            return conditions(Presence.ABSENT, refuted, " refuted");
        }
        Presence none = diagnosis ? Presence.NOT_DIAGNOSED : Presence.UNDETERMINED;
        List<ConditionFact> earlier = select(current, ConditionFact.Verification.CONFIRMED,
                c -> c.date().filter(day -> day.isBefore(window.asOf())).isPresent());
        Finding noneRecorded = Finding.noneRecorded(none, finding, window);
        if (!earlier.isEmpty()) {
            Finding older = conditions(none, earlier, " earlier");
            return new Finding(none, older.evidence(), noneRecorded.reason() + "; " + older.reason());
        }
        return noneRecorded;
    }

    @Override
    public Set<Code> observationCodes() {
        return finding.codes();
    }

    @Override
    public Optional<String> settledBy() {
        String conditions = Stream.concat(Stream.of("a Condition coded " + finding.describeCodes()),
                        recordedWith.stream().map(RecordedWith::describe))
                .collect(Collectors.joining(", or "));
        return Optional.of(conditions + (diagnosis ? "" : ", or an Observation coded " + finding.describeCodes()
                + " with a yes/no value"));
    }

    private boolean names(ConditionFact condition) {
        return condition.isCodedByAnyOf(finding.codes()) || recordedWith.stream().anyMatch(r -> r.names(condition));
    }

    private static List<ConditionFact> select(
            List<ConditionFact> conditions, ConditionFact.Verification verification, Predicate<ConditionFact> when) {
        return conditions.stream().filter(c -> c.verification() == verification && when.test(c)).toList();
    }

    private static boolean says(ObservationFact judgement) {
        return ((ObservedValue.Flag) judgement.value()).value();
    }

    private Finding judged(ObservationFact judgement) {
        return Finding.of(says(judgement) ? Presence.PRESENT : Presence.ABSENT,
                finding.label() + ": " + (says(judgement) ? "yes" : "no") + " on " + judgement.day(),
                judgement.reference());
    }

    /** "Myocardial infarction (Condition/4, onset 2026-09-27)" and {@code what}, with the Conditions as evidence. */
    private static Finding conditions(Presence presence, List<ConditionFact> conditions, String what) {
        List<String> described = conditions.stream().map(ConditionFact::describe).toList();
        List<String> references = conditions.stream().map(ConditionFact::reference).toList();
        return new Finding(presence, references, String.join(", ", described) + what);
    }
}
