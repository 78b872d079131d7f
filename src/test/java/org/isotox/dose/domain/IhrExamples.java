package org.isotox.dose.domain;

import java.util.List;

/**
 * The IHR rules and realistic example DVHs shared by the tests.
 *
 * <p>IHR protocol (NCT03606291), Interventions item 6: 3 Gy per fraction; total dose 45 to
 * 72 Gy; spinal cord Dmax ≤ 45 Gy and ≤ 2 Gy per fraction; lung (minus GTV) V20 ≤ 30 %,
 * V5 ≤ 65 %, mean lung dose ≤ 16 Gy; oesophagus maximum dose ≤ 72 Gy. BED/EQD2 are reported
 * for tumour α/β 10 Gy and late-tissue α/β 3 Gy.
 */
public final class IhrExamples {

    static final String CORD = "SpinalCord";
    static final String LUNGS = "Lungs-GTV";
    static final String ESOPHAGUS = "Esophagus";

    private IhrExamples() {
    }

    public static IsotoxicRules ihrRules() {
        return new IsotoxicRules(3.0, 45.0, 72.0, ihrConstraints(), 10.0, 3.0);
    }

    static List<DoseConstraint> ihrConstraints() {
        return List.of(
                DoseConstraint.of(CORD, DoseMetric.maxDose(), 45.0),
                DoseConstraint.of(CORD, DoseMetric.maxDosePerFraction(), 2.0),
                DoseConstraint.of(LUNGS, DoseMetric.volumeAtLeast(20.0), 30.0),
                DoseConstraint.of(LUNGS, DoseMetric.volumeAtLeast(5.0), 65.0),
                DoseConstraint.of(LUNGS, DoseMetric.meanDose(), 16.0),
                DoseConstraint.of(ESOPHAGUS, DoseMetric.maxDose(), 72.0));
    }

    /**
     * Lungs minus GTV of a stage III plan computed at 60 Gy: V5 55 %, V20 24 %, the lung dose
     * falling off to 0 % at 66 Gy (a hot region next to the PTV).
     * Mean dose by the trapezoid rule (segment width × mean height):
     * 5·(100+55)/2 = 387.5; 5·(55+38)/2 = 232.5; 10·(38+24)/2 = 310; 10·(24+16)/2 = 200;
     * 10·(16+10)/2 = 130; 10·(10+5)/2 = 75; 10·(5+2)/2 = 35; 6·(2+0)/2 = 6;
     * sum 1376 Gy·% → Dmean 13.76 Gy at 60 Gy.
     */
    static CumulativeDvh lungsAt60Gy() {
        return CumulativeDvh.of(LUNGS, List.of(
                new DvhPoint(0, 100), new DvhPoint(5, 55), new DvhPoint(10, 38),
                new DvhPoint(20, 24), new DvhPoint(30, 16), new DvhPoint(40, 10),
                new DvhPoint(50, 5), new DvhPoint(60, 2), new DvhPoint(66, 0)));
    }

    /** Spinal cord at 60 Gy, kept below 36 Gy (Dmax 36 Gy: 0.6 of the prescription). */
    static CumulativeDvh cordAt60Gy() {
        return CumulativeDvh.of(CORD, List.of(
                new DvhPoint(0, 100), new DvhPoint(10, 60), new DvhPoint(20, 35),
                new DvhPoint(30, 12), new DvhPoint(36, 0)));
    }

    /** Oesophagus at 60 Gy, partly next to the nodal PTV (Dmax 58 Gy). */
    static CumulativeDvh esophagusAt60Gy() {
        return CumulativeDvh.of(ESOPHAGUS, List.of(
                new DvhPoint(0, 100), new DvhPoint(10, 70), new DvhPoint(30, 40),
                new DvhPoint(50, 15), new DvhPoint(58, 0)));
    }

    /** The three realistic DVHs above as one plan computed at 60 Gy. */
    static ReferencePlan realisticPlanAt60Gy() {
        return ReferencePlan.of(60.0, List.of(cordAt60Gy(), lungsAt60Gy(), esophagusAt60Gy()));
    }

    /**
     * A structure whose volume falls linearly from 100 % at 0 Gy to 0 % at {@code maxDoseGy}:
     * Dmax = maxDoseGy, Dmean = maxDoseGy / 2.
     */
    static CumulativeDvh linearFalloff(String structure, double maxDoseGy) {
        return CumulativeDvh.of(structure, List.of(new DvhPoint(0, 100), new DvhPoint(maxDoseGy, 0)));
    }
}
