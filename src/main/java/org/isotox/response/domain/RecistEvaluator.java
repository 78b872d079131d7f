package org.isotox.response.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates tumour response by RECIST 1.1 (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247,
 * with the clarifications of Schwartz LH et al., Eur J Cancer 2016;62:132-137).
 */
public final class RecistEvaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_SCALE = 2;

    /**
     * As {@link #evaluate(Baseline, List, BestResponseRules, Optional)} without a study entry: the
     * minimum duration of stable disease counts from the baseline date.
     */
    public RecistEvaluation evaluate(Baseline baseline, List<Assessment> assessments, BestResponseRules rules) {
        return evaluate(baseline, assessments, rules, Optional.empty());
    }

    /**
     * Validates the baseline and assessments, then gives each assessment's target, non-target and
     * overall response and the best overall response.
     *
     * @param assessments in date order
     * @param studyEntry  the subject's study entry, from which the minimum duration of stable
     *                    disease counts (section 4.6.3); when empty, the baseline date stands in
     *                    for it
     */
    public RecistEvaluation evaluate(
            Baseline baseline, List<Assessment> assessments, BestResponseRules rules, Optional<LocalDate> studyEntry) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(assessments, "assessments");
        Objects.requireNonNull(rules, "best response rules");
        Objects.requireNonNull(studyEntry, "study entry");
        for (int i = 0; i < assessments.size(); i++) {
            if (assessments.get(i) == null) {
                throw new IllegalArgumentException("assessment at position " + i + " is null");
            }
        }
        List<ValidationProblem> problems = BaselineAndAssessmentValidation.problems(baseline, assessments);
        if (!problems.isEmpty()) {
            return new RecistEvaluation.Invalid(problems);
        }

        List<TargetLesion> targets = baseline.targets();
        List<NonTargetLesion> nonTargets = baseline.nonTargets();
        BigDecimal baselineSum = baseline.targetSumMm();
        BigDecimal nadir = baselineSum;
        Map<String, BigDecimal> nadirDiameters = new HashMap<>();
        targets.forEach(target -> nadirDiameters.put(target.id(), target.diameterMm()));
        List<TimepointResponse> timepoints = new ArrayList<>();
        List<BestOverallResponseRule.DatedResponse> overall = new ArrayList<>();
        for (Assessment assessment : assessments) {
            Optional<Response> nonTargetResponse =
                    NonTargetResponseRule.evaluate(nonTargets, assessment.nonTargetStatuses());
            TimepointResponse timepoint;
            if (targets.isEmpty()) {
                Response overallResponse = OverallResponseRule.withoutTargets(
                        nonTargetResponse.orElseThrow(), assessment.newLesion());
                timepoint = new TimepointResponse(assessment.date(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), nonTargetResponse, overallResponse,
                        inField(baseline, assessment, Optional.empty(), overallResponse, nadirDiameters));
            } else {
                TargetResponseRule.Result target =
                        TargetResponseRule.evaluate(targets, assessment.targetDiametersMm(), baselineSum, nadir);
                Response overallResponse =
                        OverallResponseRule.withTargets(target.response(), nonTargetResponse, assessment.newLesion());
                BigDecimal nadirBefore = nadir;
                timepoint = new TimepointResponse(assessment.date(), target.sumMm(),
                        target.sumMm().flatMap(sum -> percentChange(sum, baselineSum)),
                        target.sumMm().flatMap(sum -> percentChange(sum, nadirBefore)),
                        Optional.of(target.response()), nonTargetResponse, overallResponse,
                        inField(baseline, assessment, Optional.of(target.response()), overallResponse, nadirDiameters));
                // Only complete sums can be a nadir: a partial sum understates the tumour burden.
                if (target.sumMm().isPresent() && target.sumMm().get().compareTo(nadir) < 0) {
                    nadir = target.sumMm().get();
                    nadirDiameters.putAll(assessment.targetDiametersMm());
                }
            }
            timepoints.add(timepoint);
            overall.add(new BestOverallResponseRule.DatedResponse(timepoint.date(), timepoint.overallResponse()));
        }
        BestOverallResponse best = BestOverallResponseRule.best(
                studyEntry.orElse(baseline.date()), overall, !targets.isEmpty(), rules);
        return new RecistEvaluation.Evaluated(timepoints, best);
    }

    private static Optional<Boolean> inField(Baseline baseline, Assessment assessment, Optional<Response> target,
            Response overall, Map<String, BigDecimal> nadirDiameters) {
        if (overall != Response.PD) {
            return Optional.empty();
        }
        return Optional.of(InFieldProgressionRule.involvesInFieldLesion(baseline, assessment, target, nadirDiameters));
    }

    private static Optional<BigDecimal> percentChange(BigDecimal value, BigDecimal reference) {
        if (reference.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.subtract(reference).multiply(HUNDRED)
                .divide(reference, PERCENT_SCALE, RoundingMode.HALF_UP));
    }
}
