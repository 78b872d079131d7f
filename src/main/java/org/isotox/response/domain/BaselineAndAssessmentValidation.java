package org.isotox.response.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.isotox.response.domain.ValidationProblem.Kind.ASSESSMENT_NOT_AFTER_BASELINE;
import static org.isotox.response.domain.ValidationProblem.Kind.ASSESSMENT_OUT_OF_ORDER;
import static org.isotox.response.domain.ValidationProblem.Kind.DIAMETER_FOR_NON_TARGET;
import static org.isotox.response.domain.ValidationProblem.Kind.DUPLICATE_LESION_ID;
import static org.isotox.response.domain.ValidationProblem.Kind.NODAL_TARGET_NOT_MEASURABLE;
import static org.isotox.response.domain.ValidationProblem.Kind.NON_NODAL_TARGET_NOT_MEASURABLE;
import static org.isotox.response.domain.ValidationProblem.Kind.NO_LESIONS;
import static org.isotox.response.domain.ValidationProblem.Kind.STATUS_FOR_TARGET;
import static org.isotox.response.domain.ValidationProblem.Kind.TOO_MANY_TARGETS;
import static org.isotox.response.domain.ValidationProblem.Kind.TOO_MANY_TARGETS_IN_ORGAN;
import static org.isotox.response.domain.ValidationProblem.Kind.UNKNOWN_LESION;

/** Checks a baseline and its assessments against the RECIST 1.1 rules before evaluation. */
final class BaselineAndAssessmentValidation {

    private BaselineAndAssessmentValidation() {
    }

    static List<ValidationProblem> problems(Baseline baseline, List<Assessment> assessments) {
        List<ValidationProblem> problems = new ArrayList<>(baselineProblems(baseline));
        problems.addAll(assessmentProblems(baseline, assessments));
        return List.copyOf(problems);
    }

    private static List<ValidationProblem> baselineProblems(Baseline baseline) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (baseline.lesions().isEmpty()) {
            problems.add(ValidationProblem.ofBaseline(NO_LESIONS, "the baseline has no lesions"));
        }
        Set<String> ids = new HashSet<>();
        for (BaselineLesion lesion : baseline.lesions()) {
            if (!ids.add(lesion.id())) {
                problems.add(ValidationProblem.ofBaselineLesion(DUPLICATE_LESION_ID, lesion.id(),
                        "lesion id " + lesion.id() + " is used more than once at baseline"));
            }
        }
        List<TargetLesion> targets = baseline.targets();
        for (TargetLesion target : targets) {
            measurabilityProblem(target).ifPresent(problems::add);
        }
        for (int i = Recist11.MAX_TARGETS; i < targets.size(); i++) {
            String id = targets.get(i).id();
            problems.add(ValidationProblem.ofBaselineLesion(TOO_MANY_TARGETS, id,
                    "target lesion " + id + " is target number " + (i + 1) + "; RECIST 1.1 allows at most "
                            + Recist11.MAX_TARGETS));
        }
        Map<String, Integer> perOrgan = new HashMap<>();
        for (TargetLesion target : targets) {
            Optional<String> organ = organKey(target);
            if (organ.isEmpty()) {
                continue;
            }
            int count = perOrgan.merge(organ.get(), 1, Integer::sum);
            if (count > Recist11.MAX_TARGETS_PER_ORGAN) {
                problems.add(ValidationProblem.ofBaselineLesion(TOO_MANY_TARGETS_IN_ORGAN, target.id(),
                        "target lesion " + target.id() + " is target number " + count + " in organ '" + organ.get()
                                + "'; RECIST 1.1 allows at most " + Recist11.MAX_TARGETS_PER_ORGAN + " per organ"));
            }
        }
        return problems;
    }

    private static Optional<ValidationProblem> measurabilityProblem(TargetLesion target) {
        if (target.node()) {
            if (target.diameterMm().compareTo(Recist11.MIN_NODAL_TARGET_SHORT_AXIS_MM) < 0) {
                return Optional.of(ValidationProblem.ofBaselineLesion(NODAL_TARGET_NOT_MEASURABLE, target.id(),
                        "nodal target lesion " + target.id() + " has a short axis of " + target.diameterMm()
                                + " mm; a target node needs at least " + Recist11.MIN_NODAL_TARGET_SHORT_AXIS_MM + " mm"));
            }
        } else if (target.diameterMm().compareTo(Recist11.MIN_NON_NODAL_TARGET_MM) < 0) {
            return Optional.of(ValidationProblem.ofBaselineLesion(NON_NODAL_TARGET_NOT_MEASURABLE, target.id(),
                    "target lesion " + target.id() + " has a longest diameter of " + target.diameterMm()
                            + " mm; a measurable lesion needs at least " + Recist11.MIN_NON_NODAL_TARGET_MM + " mm"));
        }
        return Optional.empty();
    }

    private static Optional<String> organKey(TargetLesion target) {
        if (target.node()) {
            return Optional.of(Recist11.LYMPH_NODE_ORGAN);
        }
        return target.organ().map(organ -> organ.strip().toLowerCase(Locale.ROOT));
    }

    private static List<ValidationProblem> assessmentProblems(Baseline baseline, List<Assessment> assessments) {
        List<ValidationProblem> problems = new ArrayList<>();
        Set<String> targetIds = new HashSet<>();
        baseline.targets().forEach(target -> targetIds.add(target.id()));
        Set<String> nonTargetIds = new HashSet<>();
        baseline.nonTargets().forEach(nonTarget -> nonTargetIds.add(nonTarget.id()));

        LocalDate previous = null;
        for (int i = 0; i < assessments.size(); i++) {
            Assessment assessment = assessments.get(i);
            if (!assessment.date().isAfter(baseline.date())) {
                problems.add(ValidationProblem.ofAssessment(ASSESSMENT_NOT_AFTER_BASELINE, i,
                        "assessment " + i + " of " + assessment.date() + " is not after the baseline of "
                                + baseline.date()));
            } else if (previous != null && !assessment.date().isAfter(previous)) {
                problems.add(ValidationProblem.ofAssessment(ASSESSMENT_OUT_OF_ORDER, i,
                        "assessment " + i + " of " + assessment.date() + " is not after the assessment before it, of "
                                + previous));
            }
            previous = assessment.date();
            for (String id : sorted(assessment.targetDiametersMm().keySet())) {
                if (nonTargetIds.contains(id)) {
                    problems.add(ValidationProblem.ofAssessmentLesion(DIAMETER_FOR_NON_TARGET, i, id,
                            "assessment " + i + " of " + assessment.date() + " gives a diameter for non-target lesion " + id));
                } else if (!targetIds.contains(id)) {
                    problems.add(unknownLesion(i, assessment, id));
                }
            }
            for (String id : sorted(assessment.nonTargetStatuses().keySet())) {
                if (targetIds.contains(id)) {
                    problems.add(ValidationProblem.ofAssessmentLesion(STATUS_FOR_TARGET, i, id,
                            "assessment " + i + " of " + assessment.date() + " gives a non-target status for target lesion " + id));
                } else if (!nonTargetIds.contains(id)) {
                    problems.add(unknownLesion(i, assessment, id));
                }
            }
        }
        return problems;
    }

    private static ValidationProblem unknownLesion(int index, Assessment assessment, String id) {
        return ValidationProblem.ofAssessmentLesion(UNKNOWN_LESION, index, id,
                "assessment " + index + " of " + assessment.date() + " names lesion " + id
                        + ", which is not in the baseline; report new lesions with the new-lesion flag");
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
