package org.isotox.eligibility.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A study's eligibility rules in protocol order, and their verdict on a patient. */
public record EligibilityRules(List<EligibilityRule> rules) {

    public EligibilityRules {
        rules = List.copyOf(rules);
    }

    /** The Observation codes the rules read, so that only those records need fetching. */
    public Set<Code> observationCodes() {
        return union(Characteristic::observationCodes);
    }

    /**
     * One result per criterion, in the order criteria first appear: met when all its
     * characteristics are, not met when any is not, unknown otherwise; first, for a patient recorded as
     * deceased by then, a failed {@code alive} criterion.
     */
    public EligibilityReport evaluate(PatientRecord record, LocalDate asOf) {
        Map<String, List<EligibilityRule.Result>> byCriterion = new LinkedHashMap<>();
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        for (EligibilityRule rule : rules) {
            criteria.putIfAbsent(rule.criterion().code(), rule.criterion());
            byCriterion.computeIfAbsent(rule.criterion().code(), code -> new ArrayList<>()).add(rule.evaluate(record, asOf));
        }
        List<CriterionResult> results = new ArrayList<>();
        AliveOnTheDay.failure(record, asOf).ifPresent(results::add);
        criteria.forEach((code, criterion) -> results.add(combine(criterion, byCriterion.get(code))));
        return EligibilityReport.of(results);
    }

    private static CriterionResult combine(Criterion criterion, List<EligibilityRule.Result> parts) {
        Outcome outcome = parts.stream().anyMatch(p -> p.outcome() == Outcome.NOT_MET) ? Outcome.NOT_MET
                : parts.stream().allMatch(p -> p.outcome() == Outcome.MET) ? Outcome.MET
                : Outcome.UNKNOWN;
        Set<String> evidence = new LinkedHashSet<>();
        parts.forEach(p -> evidence.addAll(p.finding().evidence()));
        List<String> reasons = parts.stream()
                .filter(p -> p.outcome() == outcome)
                .map(p -> p.finding().reason())
                .distinct()
                .toList();
        List<String> settledBy = outcome != Outcome.UNKNOWN ? List.of() : parts.stream()
                .filter(p -> p.outcome() == Outcome.UNKNOWN)
                .flatMap(p -> p.settledBy().stream())
                .distinct()
                .toList();
        return new CriterionResult(criterion.code(), criterion.description(), outcome, List.copyOf(evidence),
                String.join("; ", reasons), settledBy);
    }

    private Set<Code> union(Function<Characteristic, Set<Code>> codes) {
        Set<Code> all = new HashSet<>();
        rules.forEach(rule -> all.addAll(codes.apply(rule.characteristic())));
        return all;
    }
}
