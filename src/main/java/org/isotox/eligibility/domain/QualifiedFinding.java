package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A subject (a disorder or an observable) with a qualifying value: stage group in "stage III",
 * NYHA class in "heart failure class II or above", {@code uncontrolled} in "uncontrolled COPD".
 * The latest of these assessments decides:
 * <ol>
 *   <li>an Observation coded with the subject (or an equivalent code, {@code observationCodes})
 *       whose coded value is one of the qualifier's codes (holds), or another code of the same code
 *       system (does not hold: NYHA class I, stage IV);
 *   <li>an active Condition of the subject whose severity or stage is one of the qualifier's codes (holds), or
 *       any active Condition whose stage is (a cancer staged IIIA in {@code Condition.stage.summary} or in its
 *       code), or is another code of the same code system (does not hold: staged I);
 *   <li>an Observation coded with the qualifier, about ({@code focus}) such a Condition, with a
 *       yes/no value (an investigator's "uncontrolled: no").
 * </ol>
 * Without an assessment the finding is undetermined when the subject is recorded as a Condition,
 * and otherwise treated like a missing diagnosis (see {@link RecordedFinding}).
 */
public record QualifiedFinding(Concept subject, Set<Code> observationCodes, Concept qualifier, boolean diagnosis)
        implements Characteristic {

    public QualifiedFinding {
        observationCodes = Set.copyOf(observationCodes);
    }

    private record Assessment(LocalDateTime when, boolean holds, List<String> evidence, String reason) {}

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        List<ConditionFact> conditions = record.conditions(subject.codes(), window.asOf()).stream()
                .filter(c -> c.isActive() && c.verification() != ConditionFact.Verification.REFUTED)
                .filter(c -> window.covers(c.date()))
                .toList();
        List<Assessment> assessments = new ArrayList<>();
        assessments.addAll(codedObservations(record, window));
        assessments.addAll(gradedConditions(conditions));
        assessments.addAll(stagedConditions(record, window, conditions));
        assessments.addAll(judgements(record, window, conditions));
        Optional<Assessment> latest = assessments.stream().max(Comparator.comparing(Assessment::when));
        if (latest.isPresent()) {
            Presence presence = latest.get().holds() ? Presence.PRESENT : Presence.ABSENT;
            return new Finding(presence, latest.get().evidence(), latest.get().reason());
        }
        if (!conditions.isEmpty()) {
            return new Finding(Presence.UNDETERMINED, conditions.stream().map(ConditionFact::reference).toList(),
                    String.join(", ", conditions.stream().map(ConditionFact::describe).toList())
                            + " has no assessment for '" + qualifier.label() + "'");
        }
        return Finding.noneRecorded(diagnosis ? Presence.NOT_DIAGNOSED : Presence.UNDETERMINED, subject, window);
    }

    @Override
    public Set<Code> observationCodes() {
        Set<Code> codes = new HashSet<>(observationCodes);
        codes.addAll(qualifier.codes());
        return codes;
    }

    private List<Assessment> codedObservations(PatientRecord record, EvidenceWindow window) {
        List<Assessment> found = new ArrayList<>();
        for (ObservationFact observation : record.observations(observationCodes, window)) {
            if (observation.value() instanceof ObservedValue.Coded coded
                    && qualifier.sharesASystemWith(coded.codes())) {
                boolean holds = qualifier.isNamedByAnyOf(coded.codes());
                found.add(new Assessment(observation.effective(), holds, List.of(observation.reference()),
                        subject.label() + ": " + coded.label() + " on " + observation.day()
                                + (holds ? "" : ", not " + qualifier.label())));
            }
        }
        return found;
    }

    private List<Assessment> gradedConditions(List<ConditionFact> conditions) {
        return conditions.stream()
                .filter(c -> c.verification() == ConditionFact.Verification.CONFIRMED)
                .filter(c -> qualifier.isNamedByAnyOf(c.grading()))
                .map(c -> new Assessment(c.date().orElse(LocalDate.MIN).atStartOfDay(), true, List.of(c.reference()),
                        subject.label() + ": " + c.describe() + " is graded " + qualifier.label()))
                .toList();
    }

    /**
     * Conditions other than the subject's that a stage places in the qualifier (a cancer staged IIIA) or, staged in
     * one of the qualifier's code systems, outside it (staged I: does not hold, as a coded Observation of stage I).
     */
    private List<Assessment> stagedConditions(PatientRecord record, EvidenceWindow window, List<ConditionFact> subjects) {
        return record.conditions(c -> qualifier.sharesASystemWith(c.stages()) && !subjects.contains(c), window.asOf()).stream()
                .filter(c -> c.isActive() && c.verification() == ConditionFact.Verification.CONFIRMED)
                .filter(c -> window.covers(c.date()))
                .map(c -> {
                    boolean holds = qualifier.isNamedByAnyOf(c.stages());
                    return new Assessment(c.date().orElse(LocalDate.MIN).atStartOfDay(), holds, List.of(c.reference()),
                            subject.label() + ": " + c.describe() + " is staged "
                                    + (holds ? qualifier.label() : stagesOf(c) + ", not " + qualifier.label()));
                })
                .toList();
    }

    private String stagesOf(ConditionFact condition) {
        return condition.stages().stream()
                .filter(stage -> qualifier.sharesASystemWith(List.of(stage)))
                .map(Code::code)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    @Override
    public Optional<String> settledBy() {
        String values = qualifier.describeCodes();
        return Optional.of("an Observation coded " + Code.list(observationCodes) + " with a value in " + values
                + ", or a Condition with its severity or Condition.stage.summary in " + values
                + ", or an Observation coded " + values + " with a yes/no value about (focus) a Condition coded " + subject.describeCodes());
    }

    private List<Assessment> judgements(PatientRecord record, EvidenceWindow window, List<ConditionFact> conditions) {
        List<Assessment> found = new ArrayList<>();
        for (ObservationFact observation : record.observations(qualifier.codes(), window)) {
            Optional<ConditionFact> about = conditions.stream()
                    .filter(c -> observation.focus().contains(c.reference()))
                    .findFirst();
            if (observation.value() instanceof ObservedValue.Flag flag && about.isPresent()) {
                found.add(new Assessment(observation.effective(), flag.value(),
                        List.of(observation.reference(), about.get().reference()),
                        about.get().describe() + " assessed on " + observation.day() + " as "
                                + (flag.value() ? "" : "not ") + qualifier.label()));
            }
        }
        return found;
    }
}
