package org.isotox.response.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a baseline or an assessment cannot be evaluated under RECIST 1.1.
 *
 * @param kind            what is wrong
 * @param assessmentIndex the position (0-based) of the offending assessment in the input list;
 *                        empty for a baseline problem
 * @param lesionId        the offending lesion, when the problem is about one
 * @param message         a sentence naming the offending values
 */
public record ValidationProblem(
        Kind kind, Optional<Integer> assessmentIndex, Optional<String> lesionId, String message) {

    /** The kinds of problems. */
    public enum Kind {
        /** The baseline has neither target nor non-target lesions. */
        NO_LESIONS,
        /** Two baseline lesions share an id. */
        DUPLICATE_LESION_ID,
        /** A non-nodal target lesion is shorter than the measurability minimum (section 3.1.1). */
        NON_NODAL_TARGET_NOT_MEASURABLE,
        /** A nodal target lesion's short axis is below the pathological minimum (section 3.1.1). */
        NODAL_TARGET_NOT_MEASURABLE,
        /** More target lesions than RECIST allows in total (section 4.2). */
        TOO_MANY_TARGETS,
        /** More target lesions in one organ than RECIST allows (section 4.2). */
        TOO_MANY_TARGETS_IN_ORGAN,
        /** An assessment is dated on or before the baseline. */
        ASSESSMENT_NOT_AFTER_BASELINE,
        /** An assessment is dated on or before the assessment before it in the list. */
        ASSESSMENT_OUT_OF_ORDER,
        /** An assessment names a lesion that is not in the baseline. */
        UNKNOWN_LESION,
        /** An assessment gives a diameter for a non-target lesion. */
        DIAMETER_FOR_NON_TARGET,
        /** An assessment gives a non-target status for a target lesion. */
        STATUS_FOR_TARGET
    }

    public ValidationProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(assessmentIndex, "assessment index");
        Objects.requireNonNull(lesionId, "lesion id");
        Objects.requireNonNull(message, "message");
    }

    static ValidationProblem ofBaseline(Kind kind, String message) {
        return new ValidationProblem(kind, Optional.empty(), Optional.empty(), message);
    }

    static ValidationProblem ofBaselineLesion(Kind kind, String lesionId, String message) {
        return new ValidationProblem(kind, Optional.empty(), Optional.of(lesionId), message);
    }

    static ValidationProblem ofAssessment(Kind kind, int assessmentIndex, String message) {
        return new ValidationProblem(kind, Optional.of(assessmentIndex), Optional.empty(), message);
    }

    static ValidationProblem ofAssessmentLesion(Kind kind, int assessmentIndex, String lesionId, String message) {
        return new ValidationProblem(kind, Optional.of(assessmentIndex), Optional.of(lesionId), message);
    }
}
