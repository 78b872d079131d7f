package org.isotox.response.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The target lesion response at one assessment (Eisenhauer et al. 2009, sections 4.3.1-4.3.2). */
final class TargetResponseRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The sum of diameters (present only when every target was measured) and the response. */
    record Result(Optional<BigDecimal> sumMm, Response response) {
    }

    private TargetResponseRule() {
    }

    /**
     * @param nadirMm the smallest complete sum before this assessment, the baseline sum included
     */
    static Result evaluate(
            List<TargetLesion> targets, Map<String, BigDecimal> diametersMm, BigDecimal baselineSumMm, BigDecimal nadirMm) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target lesions to evaluate");
        }
        // Nodes keep contributing their short axis to the sum even below 10 mm (section 4.3.2).
        BigDecimal measuredSum = targets.stream()
                .map(target -> diametersMm.get(target.id()))
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean allMeasured = targets.stream().allMatch(target -> diametersMm.containsKey(target.id()));
        if (!allMeasured) {
            // Section 4.4.2: with lesions missing the time point is NE, unless the measured ones
            // alone already show progression (missing lesions could only add to the sum).
            return new Result(Optional.empty(), meetsProgression(measuredSum, nadirMm) ? Response.PD : Response.NE);
        }
        return new Result(Optional.of(measuredSum), classify(targets, diametersMm, measuredSum, baselineSumMm, nadirMm));
    }

    private static Response classify(
            List<TargetLesion> targets, Map<String, BigDecimal> diametersMm, BigDecimal sum, BigDecimal baselineSum,
            BigDecimal nadir) {
        // CR is tested before PD: when every non-nodal target has gone and every target node is
        // normal (< 10 mm), a rise of the sum made of normal nodes is not progression.
        if (isCompleteResponse(targets, diametersMm)) {
            return Response.CR;
        }
        if (meetsProgression(sum, nadir)) {
            return Response.PD;
        }
        if (meetsPartialResponse(sum, baselineSum)) {
            return Response.PR;
        }
        return Response.SD;
    }

    private static boolean isCompleteResponse(List<TargetLesion> targets, Map<String, BigDecimal> diametersMm) {
        return targets.stream().allMatch(target -> {
            BigDecimal diameter = diametersMm.get(target.id());
            return target.node()
                    ? diameter.compareTo(Recist11.NORMAL_NODE_BELOW_MM) < 0
                    : diameter.signum() == 0;
        });
    }

    /** Section 4.3.1: sum increased by at least 20 % over the nadir and by at least 5 mm. */
    static boolean meetsProgression(BigDecimal sum, BigDecimal nadir) {
        BigDecimal increase = sum.subtract(nadir);
        return increase.multiply(HUNDRED).compareTo(nadir.multiply(Recist11.PD_INCREASE_PERCENT)) >= 0
                && increase.compareTo(Recist11.PD_ABSOLUTE_INCREASE_MM) >= 0;
    }

    /** Section 4.3.1: sum decreased by at least 30 % from baseline. */
    static boolean meetsPartialResponse(BigDecimal sum, BigDecimal baselineSum) {
        BigDecimal decrease = baselineSum.subtract(sum);
        return decrease.multiply(HUNDRED).compareTo(baselineSum.multiply(Recist11.PR_DECREASE_PERCENT)) >= 0;
    }
}
