package org.isotox.simon.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FhirServerTest
class SimonDesignOperationIT {

    @Test
    void simonsTableRowComesBackWithBothDesigns() {
        // Simon (1989), Table 1: p0 0.10, p1 0.30, alpha 0.05, beta 0.20
        Parameters result = parse(
                fhirRequest()
                        .get("/$simon-design?p0=0.10&p1=0.30&alpha=0.05&beta=0.20")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response(),
                Parameters.class);

        assertDesign(result.getParameter("optimal"), 1, 10, 5, 29, 15.0, 0.74);
        assertDesign(result.getParameter("minimax"), 1, 15, 5, 25, 19.5, 0.55);
    }

    @Test
    void postWithParametersGivesTheSameDesigns() {
        Parameters input = new Parameters();
        input.addParameter("p0", new org.hl7.fhir.r4.model.DecimalType("0.05"));
        input.addParameter("p1", new org.hl7.fhir.r4.model.DecimalType("0.25"));
        input.addParameter("alpha", new org.hl7.fhir.r4.model.DecimalType("0.05"));
        input.addParameter("beta", new org.hl7.fhir.r4.model.DecimalType("0.20"));

        Parameters result = parse(
                fhirRequest(input).post("/$simon-design").then().statusCode(200).extract().response(), Parameters.class);

        assertDesign(result.getParameter("optimal"), 0, 9, 2, 17, 12.0, 0.63);
        assertDesign(result.getParameter("minimax"), 0, 12, 2, 16, 13.8, 0.54);
    }

    @ParameterizedTest(name = "p0={0} p1={1} alpha={2} beta={3}")
    @CsvSource({"0.30, 0.30, 0.05, 0.20, p1", "0.40, 0.30, 0.05, 0.20, p1", "0.10, 1.30, 0.05, 0.20, p1",
        "0.10, 0.30, 0.00, 0.20, alpha", "-0.1, 0.30, 0.05, 0.20, p0", "0.10, 0.30, 0.05, 1.00, beta"})
    void impossibleInputIsA400NamingIt(String p0, String p1, String alpha, String beta, String named) {
        var outcome = outcome(fhirRequest()
                .get("/$simon-design?p0=" + p0 + "&p1=" + p1 + "&alpha=" + alpha + "&beta=" + beta)
                .then()
                .statusCode(400)
                .extract()
                .response());

        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(named);
    }

    @Test
    void missingParameterIsA400() {
        fhirRequest().get("/$simon-design?p0=0.1&p1=0.3&alpha=0.05").then().statusCode(400);
    }

    @Test
    void noDesignWithinNmaxIsA422() {
        var outcome = outcome(fhirRequest()
                .get("/$simon-design?p0=0.10&p1=0.15&alpha=0.05&beta=0.10&nmax=30")
                .then()
                .statusCode(422)
                .extract()
                .response());

        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("at most 30 subjects");
    }

    private static void assertDesign(
            ParametersParameterComponent design, int r1, int n1, int r, int n, double expectedSize, double pet) {
        assertThat(integer(design, "r1")).isEqualTo(r1);
        assertThat(integer(design, "n1")).isEqualTo(n1);
        assertThat(integer(design, "r")).isEqualTo(r);
        assertThat(integer(design, "n")).isEqualTo(n);
        assertThat(decimal(design, "expectedSampleSize")).isCloseTo(expectedSize, org.assertj.core.data.Offset.offset(0.05));
        assertThat(decimal(design, "probEarlyTermination")).isCloseTo(pet, org.assertj.core.data.Offset.offset(0.005));
        assertThat(decimal(design, "alpha")).isLessThanOrEqualTo(0.05);
        assertThat(decimal(design, "power")).isGreaterThanOrEqualTo(0.80);
    }

    private static int integer(ParametersParameterComponent design, String name) {
        return Integer.parseInt(part(design, name).getValue().primitiveValue());
    }

    private static double decimal(ParametersParameterComponent design, String name) {
        return Double.parseDouble(part(design, name).getValue().primitiveValue());
    }

    private static ParametersParameterComponent part(ParametersParameterComponent design, String name) {
        return design.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
