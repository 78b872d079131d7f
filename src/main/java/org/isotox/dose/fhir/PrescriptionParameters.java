package org.isotox.dose.fhir;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.dose.domain.BiologicalDose;
import org.isotox.dose.domain.ConstraintResult;
import org.isotox.dose.domain.IsotoxicPrescription;
import org.isotox.dose.domain.MetricUnit;
import org.isotox.dose.domain.ReferencePlan;

/**
 * The {@code $isotoxic-prescription} answer. When no dose is feasible, {@code totalDose} and
 * {@code fractions} are left out and the constraint table is that of the minimum dose
 * ({@code evaluatedAt}), so the planner sees how far off the plan is.
 */
final class PrescriptionParameters {

    private PrescriptionParameters() {}

    static Parameters of(IsotoxicPrescription prescription, ReferencePlan plan) {
        Parameters parameters = new Parameters();
        parameters.addParameter("feasible", new BooleanType(prescription.feasible()));
        if (prescription.feasible()) {
            parameters.addParameter("totalDose", DoseQuantities.ofGray(prescription.totalDoseGy()));
            parameters.addParameter("fractions", new IntegerType(prescription.fractions()));
        }
        parameters.addParameter("fractionDose", DoseQuantities.ofGray(prescription.fractionDoseGy()));
        parameters.addParameter("evaluatedAt", DoseQuantities.ofGray(prescription.totalDoseGy()));
        parameters.addParameter("limitingConstraint", new StringType(prescription.limitingConstraint()));
        for (ConstraintResult result : prescription.constraints()) {
            ParametersParameterComponent constraint = parameters.addParameter().setName("constraint");
            constraint.addPart().setName("name").setValue(new StringType(result.name()));
            constraint.addPart().setName("limit").setValue(quantity(result.limit(), result.unit()));
            constraint.addPart().setName("value").setValue(quantity(result.value(), result.unit()));
            constraint.addPart().setName("met").setValue(new BooleanType(result.met()));
            constraint.addPart().setName("margin").setValue(quantity(result.margin(), result.unit()));
        }
        biological(parameters, "", prescription.tumour());
        biological(parameters, "Late", prescription.late());
        plan.dvhs().values().stream()
                .filter(dvh -> !dvh.reachesZeroVolume())
                .forEach(dvh -> parameters.addParameter("warning", new StringType("The DVH of " + dvh.structure()
                        + " ends above 0 % volume: its maximum dose is read as the last point's dose and may be higher")));
        return parameters;
    }

    private static void biological(Parameters parameters, String suffix, BiologicalDose dose) {
        parameters.addParameter("bed" + suffix, DoseQuantities.ofGray(dose.bedGy()));
        parameters.addParameter("eqd2" + suffix, DoseQuantities.ofGray(dose.eqd2Gy()));
        parameters.addParameter("alphaBeta" + suffix, DoseQuantities.ofGray(dose.alphaBetaGy()));
    }

    private static Quantity quantity(double value, MetricUnit unit) {
        return unit == MetricUnit.PERCENT ? DoseQuantities.ofPercent(value) : DoseQuantities.ofGray(value);
    }
}
