package org.isotox.dose.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalTargetComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.dose.domain.DoseConstraint;
import org.isotox.dose.domain.DoseMetric;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.fhir.Canonicals;
import org.springframework.stereotype.Component;

/**
 * Reads a study's isotoxic prescription rules from its protocol PlanDefinition: the goals
 * {@code fraction-dose}, {@code minimum-total-dose}, {@code maximum-total-dose},
 * {@code tumour-alpha-beta}, {@code late-alpha-beta} and one {@code isotoxic-limit} goal per
 * organ-at-risk limit (structure in {@code addresses}, metric in the target's measure, limit as the
 * target's upper bound, the x of a Vx limit in the {@code dvh-threshold-dose} extension).
 */
@Component
public class IsotoxicRulesReader {

    static final String DVH_METRIC = Canonicals.BASE + "/CodeSystem/dvh-metric";
    static final String TG263 = "http://www.aapm.org/TG263";
    private static final String THRESHOLD = Canonicals.structureDefinition("dvh-threshold-dose");

    private final Map<String, IsotoxicRules> byPlanVersion = new ConcurrentHashMap<>();

    /** The rules, or empty when the PlanDefinition holds no isotoxic rules. */
    public Optional<IsotoxicRules> read(PlanDefinition protocol) {
        if (goal(protocol, "fraction-dose").isEmpty()) {
            return Optional.empty();
        }
        String key = protocol.getIdElement().getIdPart() + "/" + protocol.getMeta().getVersionId();
        return Optional.of(byPlanVersion.computeIfAbsent(key, k -> parse(protocol)));
    }

    private static IsotoxicRules parse(PlanDefinition protocol) {
        List<DoseConstraint> limits = new ArrayList<>();
        for (PlanDefinitionGoalComponent goal : protocol.getGoal()) {
            if (hasCategory(goal, "isotoxic-limit")) {
                limits.add(limit(goal));
            }
        }
        return new IsotoxicRules(
                gray(protocol, "fraction-dose"),
                gray(protocol, "minimum-total-dose"),
                gray(protocol, "maximum-total-dose"),
                limits,
                gray(protocol, "tumour-alpha-beta"),
                gray(protocol, "late-alpha-beta"));
    }

    private static DoseConstraint limit(PlanDefinitionGoalComponent goal) {
        PlanDefinitionGoalTargetComponent target = goal.getTargetFirstRep();
        String structure = coding(goal.getAddressesFirstRep(), TG263)
                .orElseThrow(() -> invalid(goal, "names no TG-263 structure in addresses"))
                .getCode();
        String metric = coding(target.getMeasure(), DVH_METRIC)
                .orElseThrow(() -> invalid(goal, "names no dvh-metric in target.measure"))
                .getCode();
        DoseMetric doseMetric = switch (metric) {
            case "Dmax" -> DoseMetric.maxDose();
            case "Dmean" -> DoseMetric.meanDose();
            case "DmaxPerFraction" -> DoseMetric.maxDosePerFraction();
            case "Vx" -> DoseMetric.volumeAtLeast(threshold(goal, target));
            default -> throw invalid(goal, "has an unknown metric " + metric);
        };
        if (!target.getDetailRange().hasHigh()) {
            throw invalid(goal, "has no upper limit (target.detailRange.high)");
        }
        return DoseConstraint.of(structure, doseMetric, target.getDetailRange().getHigh().getValue().doubleValue());
    }

    private static double threshold(PlanDefinitionGoalComponent goal, PlanDefinitionGoalTargetComponent target) {
        if (!(target.getExtensionByUrl(THRESHOLD) != null
                && target.getExtensionByUrl(THRESHOLD).getValue() instanceof Quantity threshold)) {
            throw invalid(goal, "is a Vx limit without its dvh-threshold-dose");
        }
        return DoseQuantities.gray(threshold);
    }

    private static double gray(PlanDefinition protocol, String category) {
        PlanDefinitionGoalComponent goal = goal(protocol, category)
                .orElseThrow(() -> new IllegalStateException(
                        "PlanDefinition/" + protocol.getIdElement().getIdPart() + " has no " + category + " goal"));
        return DoseQuantities.gray(goal.getTargetFirstRep().getDetailQuantity());
    }

    private static Optional<PlanDefinitionGoalComponent> goal(PlanDefinition protocol, String category) {
        return protocol.getGoal().stream().filter(g -> hasCategory(g, category)).findFirst();
    }

    private static boolean hasCategory(PlanDefinitionGoalComponent goal, String code) {
        return coding(goal.getCategory(), Canonicals.ISOTOX_CODES).map(c -> code.equals(c.getCode())).orElse(false);
    }

    private static Optional<Coding> coding(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).findFirst();
    }

    private static IllegalStateException invalid(PlanDefinitionGoalComponent goal, String problem) {
        return new IllegalStateException("The isotoxic limit '" + goal.getDescription().getText() + "' " + problem);
    }
}
