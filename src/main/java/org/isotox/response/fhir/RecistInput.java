package org.isotox.response.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationPart;
import org.isotox.response.domain.Assessment;
import org.isotox.response.domain.Baseline;
import org.isotox.response.domain.BaselineLesion;
import org.isotox.response.domain.NonTargetLesion;
import org.isotox.response.domain.NonTargetStatus;
import org.isotox.response.domain.TargetLesion;
import org.isotox.response.domain.ValidationProblem;

/**
 * The {@code $recist-evaluate} input read into the RECIST core's terms, remembering which part
 * each lesion came from so that a RECIST problem can name it.
 *
 * @param studyEntry the day the minimum duration of stable disease counts from, when given
 */
record RecistInput(
        Baseline baseline,
        List<Assessment> assessments,
        Optional<LocalDate> studyEntry,
        Map<String, String> baselineLesionParts,
        List<Map<String, String>> assessmentLesionParts) {

    static RecistInput read(
            OperationPart baselinePart, List<OperationPart> assessmentParts, Optional<OperationPart> studyEntryPart) {
        Map<String, String> baselinePaths = new HashMap<>();
        List<BaselineLesion> lesions = new ArrayList<>();
        for (OperationPart part : baselinePart.parts("lesion")) {
            BaselineLesion lesion = baselineLesion(part);
            baselinePaths.putIfAbsent(lesion.id(), part.path());
            lesions.add(lesion);
        }
        Baseline baseline = new Baseline(baselinePart.required("date").day(), lesions);
        List<Assessment> assessments = new ArrayList<>();
        List<Map<String, String>> assessmentPaths = new ArrayList<>();
        for (OperationPart part : assessmentParts) {
            Map<String, String> paths = new HashMap<>();
            assessments.add(assessment(part, paths));
            assessmentPaths.add(paths);
        }
        return new RecistInput(baseline, assessments, studyEntryPart.map(OperationPart::day), baselinePaths,
                assessmentPaths);
    }

    /** The part a RECIST problem is about: a lesion, an assessment's date, an assessment, or the baseline. */
    String expressionOf(ValidationProblem problem) {
        if (problem.assessmentIndex().isEmpty()) {
            return problem.lesionId().map(baselineLesionParts::get).orElse("baseline.lesion");
        }
        int index = problem.assessmentIndex().get();
        String assessment = "assessment[" + index + "]";
        if (problem.kind() == ValidationProblem.Kind.ASSESSMENT_NOT_AFTER_BASELINE
                || problem.kind() == ValidationProblem.Kind.ASSESSMENT_OUT_OF_ORDER) {
            return assessment + ".date";
        }
        return problem.lesionId().map(id -> assessmentLesionParts.get(index).get(id)).orElse(assessment);
    }

    private static BaselineLesion baselineLesion(OperationPart part) {
        String id = part.required("id").string();
        boolean node = part.optional("node").map(OperationPart::bool).orElse(false);
        boolean inField = part.optional("inField").map(OperationPart::bool).orElse(false);
        if (!part.required("target").bool()) {
            return new NonTargetLesion(id, node, inField);
        }
        BigDecimal diameter = diameter(part.optional("diameter").orElseThrow(() -> OperationPart.malformed(
                IssueType.REQUIRED, "Target lesion " + id + " needs its baseline diameter (mm)", part.path() + ".diameter")));
        Optional<String> organ = part.optional("organ").map(OperationPart::string);
        return new TargetLesion(id, node, diameter, organ, inField);
    }

    private static Assessment assessment(OperationPart part, Map<String, String> paths) {
        LocalDate date = part.required("date").day();
        Map<String, BigDecimal> diameters = new LinkedHashMap<>();
        Map<String, NonTargetStatus> statuses = new LinkedHashMap<>();
        for (OperationPart lesion : part.parts("lesion")) {
            String id = lesion.required("id").string();
            if (paths.putIfAbsent(id, lesion.path()) != null) {
                throw OperationPart.malformed(IssueType.DUPLICATE,
                        "Lesion " + id + " is given twice in " + part.path(), lesion.path());
            }
            Optional<OperationPart> diameter = lesion.optional("diameter");
            Optional<OperationPart> status = lesion.optional("status");
            if (diameter.isPresent() && status.isPresent()) {
                throw OperationPart.malformed(IssueType.STRUCTURE,
                        "Lesion " + id + " has both a diameter and a status; give one", lesion.path());
            }
            diameter.ifPresent(d -> diameters.put(id, diameter(d)));
            status.ifPresent(s -> statuses.put(id, status(s)));
        }
        boolean newLesion = part.optional("newLesion").map(OperationPart::bool).orElse(false);
        return new Assessment(date, diameters, statuses, newLesion);
    }

    private static BigDecimal diameter(OperationPart part) {
        BigDecimal value = part.decimal();
        if (value.signum() < 0) {
            throw OperationPart.malformed(IssueType.VALUE, part.path() + " must not be negative", part.path());
        }
        return value;
    }

    private static NonTargetStatus status(OperationPart part) {
        String code = part.string();
        try {
            return NonTargetStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw OperationPart.malformed(IssueType.CODEINVALID, "'" + code
                    + "' is not a non-target status: absent, present or unequivocal-progression", part.path());
        }
    }
}
