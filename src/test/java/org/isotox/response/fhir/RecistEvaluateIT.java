package org.isotox.response.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $recist-evaluate} over HTTP, with expected values from the rules of RECIST 1.1 (Eisenhauer 2009). */
@FhirServerTest
class RecistEvaluateIT {

    // Section 4.3.1 (PD): +20 % over the nadir AND at least +5 mm. A nadir of 20 mm: 24 mm is +20 %
    // but only +4 mm (SD); a nadir of 30 mm: 36 mm is +20 % and +6 mm (PD).
    @ParameterizedTest(name = "baseline {0} mm, nadir {1} mm, then {2} mm -> {3}")
    @CsvSource({
        "30, 20, 24, SD, PR",
        "40, 30, 36, PD, SD",
    })
    void theFiveMillimetreRuleDecidesProgression(String baseline, String nadir, String last, String expected,
            String best) {
        Parameters input = new Parameters();
        ParametersParameterComponent base = input.addParameter().setName("baseline");
        base.addPart().setName("date").setValue(new DateType("2026-01-05"));
        lesion(base, "T1", true, false, new DecimalType(baseline));
        assessment(input, "2026-03-02", "T1", nadir);
        assessment(input, "2026-06-01", "T1", last);

        Parameters result = evaluate(input);

        List<ParametersParameterComponent> assessments = result.getParameters("assessment");
        assertThat(assessments).hasSize(2);
        ParametersParameterComponent second = assessments.get(1);
        assertThat(part(second, "date").primitiveValue()).isEqualTo("2026-06-01");
        assertThat(decimal(second, "sumDiameters")).isEqualByComparingTo(last);
        assertThat(decimal(second, "changeFromNadir")).isEqualByComparingTo("20.00");
        assertThat(part(second, "targetResponse").primitiveValue()).isEqualTo(expected);
        assertThat(part(second, "overallResponse").primitiveValue()).isEqualTo(expected);
        assertThat(result.getParameter("bestOverallResponse").getValue().primitiveValue()).isEqualTo(best);
    }

    @Test
    void everyPartOfAnAssessmentComesBack() {
        // baseline: T1 60 mm (lung), node N1 40 mm short axis, non-target E1: sum 100 mm.
        Parameters input = new Parameters();
        ParametersParameterComponent base = input.addParameter().setName("baseline");
        base.addPart().setName("date").setValue(new DateType("2026-01-05"));
        lesion(base, "T1", true, false, new DecimalType("60"));
        lesion(base, "N1", true, true, new DecimalType("40"));
        lesion(base, "E1", false, false, null);
        // 2026-03-02: T1 0 mm, N1 9 mm (normal node), E1 absent: targets CR with a 9 mm sum (4.3.1), overall CR.
        ParametersParameterComponent first = input.addParameter().setName("assessment");
        first.addPart().setName("date").setValue(new DateType("2026-03-02"));
        measured(first, "T1", "0");
        measured(first, "N1", "9");
        status(first, "E1", "absent");
        // 2026-06-01: E1 not evaluated, a new lesion: PD (Table 1).
        ParametersParameterComponent second = input.addParameter().setName("assessment");
        second.addPart().setName("date").setValue(new DateType("2026-06-01"));
        measured(second, "T1", "0");
        measured(second, "N1", "8");
        second.addPart().setName("newLesion").setValue(new BooleanType(true));

        Parameters result = evaluate(input);

        ParametersParameterComponent cr = result.getParameters("assessment").get(0);
        assertThat(decimal(cr, "sumDiameters")).isEqualByComparingTo("9");
        assertThat(decimal(cr, "changeFromBaseline")).isEqualByComparingTo("-91.00");
        assertThat(decimal(cr, "changeFromNadir")).isEqualByComparingTo("-91.00");
        assertThat(part(cr, "targetResponse").primitiveValue()).isEqualTo("CR");
        assertThat(part(cr, "nonTargetResponse").primitiveValue()).isEqualTo("CR");
        assertThat(part(cr, "overallResponse").primitiveValue()).isEqualTo("CR");
        ParametersParameterComponent pd = result.getParameters("assessment").get(1);
        assertThat(part(pd, "nonTargetResponse").primitiveValue()).isEqualTo("NE");
        assertThat(part(pd, "overallResponse").primitiveValue()).isEqualTo("PD");
        assertThat(part(pd, "progressionInField").primitiveValue()).isEqualTo("false");
        assertThat(result.getParameter("bestOverallResponse").getValue().primitiveValue()).isEqualTo("CR");
    }

    // RECIST 1.1 section 4.6.3: the minimum duration of stable disease (42 days) counts from study
    // entry; an SD short of it followed by PD is PD (section 4.4.3, Table 3). Baseline CT 2 January,
    // T1 40 mm -> 38 mm (SD) -> 50 mm on 11 May (PD). Without studyEntry it counts from the baseline.
    @ParameterizedTest(name = "study entry {0}, SD on {1} -> {2}")
    @CsvSource({
        "2026-01-05, 2026-02-13, PD",
        "2026-01-05, 2026-02-16, SD",
        "'',         2026-02-13, SD",
    })
    void stableDiseaseCountsFromTheStudyEntryGiven(String studyEntry, String stable, String best) {
        Parameters input = stableThenProgressing(stable);
        if (!studyEntry.isEmpty()) {
            input.addParameter().setName("studyEntry").setValue(new DateType(studyEntry));
        }

        Parameters result = evaluate(input);

        assertThat(result.getParameters("assessment")).extracting(a -> part(a, "overallResponse").primitiveValue())
                .containsExactly("SD", "PD");
        assertThat(result.getParameter("bestOverallResponse").getValue().primitiveValue()).isEqualTo(best);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'\"valueDate\": \"2026-13-45\"'",
        "'\"valueString\": \"5 January\"'",
    })
    void aMalformedStudyEntryIsA400(String value) {
        Parameters input = stableThenProgressing("2026-02-13");
        input.addParameter().setName("studyEntry").setValue(new DateType("2026-01-05"));
        String body = Fhir.json(input).replace("\"valueDate\":\"2026-01-05\"", value);

        OperationOutcome outcome = outcome(fhirRequest().body(body).post("/$recist-evaluate")
                .then().statusCode(400).extract().response());

        assertThat(outcome.getIssue()).isNotEmpty();
    }

    @Test
    void aStudyEntryNotPreciseToTheDayIsNamed() {
        Parameters input = stableThenProgressing("2026-02-13");
        input.addParameter().setName("studyEntry").setValue(new DateType("2026-01"));

        OperationOutcome outcome = outcome(fhirRequest(input).post("/$recist-evaluate")
                .then().statusCode(400).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(expressions(issue)).containsExactly("studyEntry"));
    }

    private static Parameters stableThenProgressing(String stable) {
        Parameters input = new Parameters();
        ParametersParameterComponent base = input.addParameter().setName("baseline");
        base.addPart().setName("date").setValue(new DateType("2026-01-02"));
        lesion(base, "T1", true, false, new DecimalType("40"));
        assessment(input, stable, "T1", "38");
        assessment(input, "2026-05-11", "T1", "50");
        return input;
    }

    @Test
    void aMissingBaselineIsA400NamingIt() {
        Parameters input = new Parameters();
        assessment(input, "2026-03-02", "T1", "20");

        OperationOutcome outcome = outcome(fhirRequest(input).post("/$recist-evaluate")
                .then().statusCode(400).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(expressions(issue)).contains("baseline"));
    }

    @Test
    void aDiameterThatIsNotANumberIsA400NamingThePart() {
        Parameters input = new Parameters();
        ParametersParameterComponent base = input.addParameter().setName("baseline");
        base.addPart().setName("date").setValue(new DateType("2026-01-05"));
        lesion(base, "T1", true, false, new DecimalType("30"));
        lesion(base, "T2", true, false, new StringType("twenty"));

        OperationOutcome outcome = outcome(fhirRequest(input).post("/$recist-evaluate")
                .then().statusCode(400).extract().response());

        assertThat(outcome.getIssue())
                .anySatisfy(issue -> assertThat(expressions(issue)).contains("baseline.lesion[1].diameter"));
    }

    @Test
    void aNonMeasurableTargetAtBaselineIsA422NamingTheLesion() {
        // Section 3.1.1: a target node needs a short axis of at least 15 mm.
        Parameters input = new Parameters();
        ParametersParameterComponent base = input.addParameter().setName("baseline");
        base.addPart().setName("date").setValue(new DateType("2026-01-05"));
        lesion(base, "T1", true, false, new DecimalType("30"));
        lesion(base, "N1", true, true, new DecimalType("12"));
        assessment(input, "2026-03-02", "T9", "20");

        OperationOutcome outcome = outcome(fhirRequest(input).post("/$recist-evaluate")
                .then().statusCode(422).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(expressions(issue)).contains("baseline.lesion[1]");
            assertThat(issue.getDiagnostics()).contains("N1", "15");
        });
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(expressions(issue)).contains("assessment[0].lesion[0]");
            assertThat(issue.getDiagnostics()).contains("T9");
        });
    }

    private static Parameters evaluate(Parameters input) {
        return parse(fhirRequest(input).post("/$recist-evaluate").then().statusCode(200).extract().response(),
                Parameters.class);
    }

    private static void lesion(ParametersParameterComponent baseline, String id, boolean target, boolean node,
            Type diameter) {
        ParametersParameterComponent lesion = baseline.addPart().setName("lesion");
        lesion.addPart().setName("id").setValue(new StringType(id));
        lesion.addPart().setName("target").setValue(new BooleanType(target));
        lesion.addPart().setName("node").setValue(new BooleanType(node));
        if (diameter != null) {
            lesion.addPart().setName("diameter").setValue(diameter);
        }
    }

    private static void assessment(Parameters input, String date, String id, String diameter) {
        ParametersParameterComponent assessment = input.addParameter().setName("assessment");
        assessment.addPart().setName("date").setValue(new DateType(date));
        measured(assessment, id, diameter);
        assessment.addPart().setName("newLesion").setValue(new BooleanType(false));
    }

    private static void measured(ParametersParameterComponent assessment, String id, String diameter) {
        ParametersParameterComponent lesion = assessment.addPart().setName("lesion");
        lesion.addPart().setName("id").setValue(new StringType(id));
        lesion.addPart().setName("diameter").setValue(new DecimalType(diameter));
    }

    private static void status(ParametersParameterComponent assessment, String id, String status) {
        ParametersParameterComponent lesion = assessment.addPart().setName("lesion");
        lesion.addPart().setName("id").setValue(new StringType(id));
        lesion.addPart().setName("status").setValue(new org.hl7.fhir.r4.model.CodeType(status));
    }

    private static Type part(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no part " + name)).getValue();
    }

    private static java.math.BigDecimal decimal(ParametersParameterComponent parent, String name) {
        return ((DecimalType) part(parent, name)).getValue();
    }

    private static List<String> expressions(OperationOutcomeIssueComponent issue) {
        return issue.getExpression().stream().map(StringType::getValue).toList();
    }
}
