package org.isotox.dose.domain;

import java.util.List;

/**
 * Finds the isotoxic total dose of a plan under a study's rules.
 *
 * <p>The search escalates: starting at the fewest fractions, it adds one fraction at a time and
 * stops before the first candidate that breaks any constraint, which becomes the limiting step.
 * With linear dose scaling every metric is non-decreasing in the total dose (Dmax and Dmean
 * grow as T, Vx(T) = V_ref(x·T_ref/T) grows as T does because the cumulative curve falls, and
 * Dmax per fraction is constant), so feasibility is monotone and the escalation ends at the
 * highest candidate meeting every constraint. Should a metric ever not be monotone, escalation
 * still never jumps over a dose that breaks a limit, which is how the protocol raises the dose.
 * The search evaluates at most one candidate beyond the chosen one.
 */
public final class IsotoxicPrescriber {

    /**
     * The isotoxic prescription of a plan.
     *
     * @throws MissingDvhException naming every structure a constraint needs that has no DVH
     */
    public IsotoxicPrescription prescribe(IsotoxicRules rules, ReferencePlan plan) {
        List<String> missing = plan.missingStructures(rules.structures());
        if (!missing.isEmpty()) {
            throw new MissingDvhException(missing);
        }
        List<Fractionation> candidates = rules.candidates();
        Fractionation chosen = candidates.get(0);
        List<ConstraintResult> chosenResults = evaluate(rules, plan, chosen);
        List<String> brokenAtMinimum = brokenNames(chosenResults);
        if (!brokenAtMinimum.isEmpty()) {
            return result(rules, false, chosen, brokenAtMinimum, chosenResults);
        }
        for (Fractionation next : candidates.subList(1, candidates.size())) {
            List<ConstraintResult> nextResults = evaluate(rules, plan, next);
            List<String> broken = brokenNames(nextResults);
            if (!broken.isEmpty()) {
                return result(rules, true, chosen, broken, chosenResults);
            }
            chosen = next;
            chosenResults = nextResults;
        }
        return result(rules, true, chosen, List.of(), chosenResults);
    }

    private static List<ConstraintResult> evaluate(
            IsotoxicRules rules, ReferencePlan plan, Fractionation fractionation) {
        return rules.constraints().stream()
                .map(constraint -> constraint.evaluate(plan, fractionation))
                .toList();
    }

    private static List<String> brokenNames(List<ConstraintResult> results) {
        return results.stream().filter(result -> !result.met()).map(ConstraintResult::name).toList();
    }

    private static IsotoxicPrescription result(
            IsotoxicRules rules,
            boolean feasible,
            Fractionation fractionation,
            List<String> limitingConstraints,
            List<ConstraintResult> constraints) {
        return new IsotoxicPrescription(feasible, fractionation, limitingConstraints, constraints,
                fractionation.biologicalDose(rules.tumourAlphaBetaGy()),
                fractionation.biologicalDose(rules.lateAlphaBetaGy()));
    }
}
