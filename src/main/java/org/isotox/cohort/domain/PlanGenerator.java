package org.isotox.cohort.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.isotox.dose.domain.CumulativeDvh;
import org.isotox.dose.domain.DvhPoint;
import org.isotox.dose.domain.IsotoxicPrescriber;
import org.isotox.dose.domain.IsotoxicPrescription;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.domain.ReferencePlan;
import org.isotox.cohort.domain.SyntheticSubject.Plan;

/**
 * A stage III lung plan computed at 60 Gy (spinal cord, lungs minus GTV, oesophagus; TG-263
 * names) whose curves vary from subject to subject, prescribed at the highest dose the study's
 * isotoxic rules allow for it, as the protocol asks. A plan the rules find infeasible is redrawn
 * with less lung in the field, as a planner would replan.
 */
final class PlanGenerator {

    static final double REFERENCE_DOSE_GY = 60;
    private static final double[][] LUNG_AT_REFERENCE = {{0, 100}, {5, 50}, {10, 38}, {15, 34}, {20, 25}, {40, 8}, {60, 0}};
    private static final int REPLANS = 20;

    private final IsotoxicRules rules;
    private final IsotoxicPrescriber prescriber = new IsotoxicPrescriber();

    PlanGenerator(IsotoxicRules rules) {
        this.rules = rules;
    }

    Plan plan(LocalDate planned, SplittableRandom random) {
        double lungScale = 0.7 + 0.45 * random.nextDouble();
        double cordMax = 15 + random.nextInt(22);
        double esophagusMax = 45 + random.nextInt(26);
        for (int attempt = 0; attempt < REPLANS; attempt++) {
            Map<String, List<DvhPoint>> dvhs = new LinkedHashMap<>();
            dvhs.put("SpinalCord", List.of(new DvhPoint(0, 100), new DvhPoint(cordMax, 0)));
            dvhs.put("Lungs-GTV", lung(lungScale));
            dvhs.put("Esophagus", List.of(new DvhPoint(0, 100), new DvhPoint(40, 20), new DvhPoint(esophagusMax, 0)));
            List<CumulativeDvh> curves = dvhs.entrySet().stream().map(e -> CumulativeDvh.of(e.getKey(), e.getValue())).toList();
            IsotoxicPrescription prescription = prescriber.prescribe(rules, ReferencePlan.of(REFERENCE_DOSE_GY, curves));
            if (prescription.feasible()) {
                return new Plan(REFERENCE_DOSE_GY, dvhs, prescription.fractions(), prescription.fractionDoseGy(),
                        prescription.limitingConstraint(), planned);
            }
            lungScale *= 0.9;
        }
        throw new IllegalStateException("no feasible plan under the study's rules after " + REPLANS + " replans");
    }

    private static List<DvhPoint> lung(double scale) {
        List<DvhPoint> points = new ArrayList<>();
        for (double[] point : LUNG_AT_REFERENCE) {
            double volume = point[0] == 0 ? 100 : Math.min(100, Math.round(point[1] * scale * 10) / 10.0);
            points.add(new DvhPoint(point[0], volume));
        }
        return points;
    }
}
