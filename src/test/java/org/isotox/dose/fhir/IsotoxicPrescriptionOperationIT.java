package org.isotox.dose.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.Dvhs;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;

@FhirServerTest
class IsotoxicPrescriptionOperationIT {

    @Test
    void lungV20BindsAt69GyWithTheConstraintTable() {
        Parameters result = prescribe(Dvhs.lungV20Binds().asParameters());

        assertLungV20Result(result);
    }

    @Test
    void subjectsStoredDvhsGiveTheSameAnswer() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatient();
        ResearchSubject subject = parse(
                TrialFixtures.enrol(ihr, patient, "2026-01-05").then().statusCode(201).extract().response(),
                ResearchSubject.class);
        Dvhs.lungV20Binds().storeFor(patient);

        Parameters result = parse(fhirRequest()
                        .get("/ResearchSubject/" + subject.getIdElement().getIdPart() + "/$isotoxic-prescription")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response(),
                Parameters.class);

        assertLungV20Result(result);
    }

    @Test
    void planBreakingTheCordLimitAt45GyIsInfeasible() {
        Parameters result = prescribe(Dvhs.at(60)
                .with("SpinalCord", "0:100 62:0")
                .with("Lungs-GTV", "0:100 5:50 10:38 15:34 20:25 40:8 60:0")
                .with("Esophagus", "0:100 40:0")
                .asParameters());

        assertThat(value(result, "feasible")).isEqualTo("false");
        assertThat(result.getParameter("totalDose")).isNull();
        assertThat(value(result, "limitingConstraint")).isEqualTo("SpinalCord Dmax");
        // 62 * 45 / 60 = 46.5 Gy at the minimum dose
        assertThat(constraint(result, "SpinalCord Dmax", "value")).isEqualTo("46.5");
    }

    @Test
    void nonMonotoneCurveAndImpossibleVolumeAreRefusedAtTheirPoints() {
        OperationOutcome refusal = refusal(Dvhs.at(60)
                .with("SpinalCord", "0:100 20:0")
                .with("Lungs-GTV", "0:100 5:40 10:45 60:0")
                .with("Esophagus", "0:120 40:0"));

        assertThat(refusal.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .contains(
                        "dvh[1].point[2]",
                        "dvh[2].point[0]");
    }

    @Test
    void negativeDoseIsRefused() {
        OperationOutcome refusal = refusal(Dvhs.at(60)
                .with("SpinalCord", "-1:100 20:0")
                .with("Lungs-GTV", "0:100 60:0")
                .with("Esophagus", "0:100 40:0"));

        assertThat(refusal.getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("dvh[0].point[0]");
    }

    @Test
    void missingStructureTheRulesNeedIsRefusedNamingIt() {
        OperationOutcome refusal = refusal(Dvhs.at(60)
                .with("SpinalCord", "0:100 20:0")
                .with("Lungs-GTV", "0:100 60:0"));

        assertThat(refusal.getIssue()).extracting(OperationOutcomeIssueComponent::getDiagnostics)
                .anySatisfy(d -> assertThat(d).contains("No DVH of Esophagus"));
    }

    @Test
    void pointWithoutVolumeIsA400() {
        Parameters input = Dvhs.lungV20Binds().asParameters();
        input.getParameter().get(1).getPart().get(1).getPart().remove(1);

        fhirRequest(input).post("/$isotoxic-prescription").then().statusCode(400);
    }

    private static void assertLungV20Result(Parameters result) {
        assertThat(value(result, "feasible")).isEqualTo("true");
        assertThat(gray(result, "totalDose")).isEqualTo("69");
        assertThat(value(result, "fractions")).isEqualTo("23");
        assertThat(gray(result, "fractionDose")).isEqualTo("3");
        assertThat(value(result, "limitingConstraint")).isEqualTo("Lungs-GTV V20");
        // V20(69) = V60(20*60/69 = 17.391) = 34 - 9 * 2.391/5 = 29.695652 %
        assertThat(constraint(result, "Lungs-GTV V20", "value")).isEqualTo("29.695652");
        assertThat(constraint(result, "Lungs-GTV V20", "met")).isEqualTo("true");
        // Dmean60 = 13.325 Gy -> 13.325 * 69/60 = 15.32375
        assertThat(constraint(result, "Lungs-GTV Dmean", "value")).isEqualTo("15.32375");
        List<String> names = result.getParameter().stream().filter(p -> p.getName().equals("constraint"))
                .map(p -> part(p, "name")).toList();
        assertThat(names).containsExactly("SpinalCord Dmax", "SpinalCord Dmax per fraction", "Lungs-GTV V20",
                "Lungs-GTV V5", "Lungs-GTV Dmean", "Esophagus Dmax");
        // 69 Gy in 23 x 3 Gy: BED10 = 69 * 1.3 = 89.7, EQD2 = 89.7 / 1.2 = 74.75 (linear-quadratic model)
        assertThat(gray(result, "bed")).isEqualTo("89.7");
        assertThat(gray(result, "eqd2")).isEqualTo("74.75");
    }

    private static OperationOutcome refusal(Dvhs dvhs) {
        return outcome(fhirRequest(dvhs.asParameters())
                .post("/$isotoxic-prescription")
                .then()
                .statusCode(422)
                .extract()
                .response());
    }

    private static Parameters prescribe(Parameters input) {
        return parse(fhirRequest(input).post("/$isotoxic-prescription").then().statusCode(200).extract().response(),
                Parameters.class);
    }

    private static String value(Parameters result, String name) {
        return result.getParameter(name).getValue().primitiveValue();
    }

    private static String gray(Parameters result, String name) {
        Quantity quantity = (Quantity) result.getParameter(name).getValue();
        assertThat(quantity.getCode()).isEqualTo("Gy");
        return quantity.getValue().stripTrailingZeros().toPlainString();
    }

    private static String constraint(Parameters result, String name, String part) {
        ParametersParameterComponent constraint = result.getParameter().stream()
                .filter(p -> p.getName().equals("constraint") && part(p, "name").equals(name))
                .findFirst()
                .orElseThrow();
        var value = constraint.getPart().stream().filter(p -> p.getName().equals(part)).findFirst().orElseThrow().getValue();
        return value instanceof Quantity q ? q.getValue().stripTrailingZeros().toPlainString() : value.primitiveValue();
    }

    private static String part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow()
                .getValue().primitiveValue();
    }
}
