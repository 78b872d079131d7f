package org.isotox.qol.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code QuestionnaireResponse/$score} on hand-checked responses ({@link EortcResponses}). */
@FhirServerTest
class ScoreOperationIT {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0} = {1}/{2}")
    @CsvSource({
        "PF2, 260, 3", "QL2, 175, 3", "RF2, 200, 3", "EF, 200, 3", "CF, 250, 3", "SF, 250, 3",
        "FA, 500, 9", "NV, 0, 1", "PA, 50, 1", "DY, 100, 3", "SL, 0, 1", "AP, 100, 3", "CO, 200, 3", "DI, 0, 1",
        "FI, 100, 3", "SUM, 8530, 117",
    })
    void everyQlqC30ScaleHasTheManualsValue(String code, double numerator, double denominator) {
        Parameters scores = score(EortcResponses.response(EortcResponses.C30, EortcResponses.c30(), null));

        assertThat(scores.getParameters("scale")).hasSize(16);
        assertThat(value(scores, code)).hasValueSatisfying(v -> assertThat(v).isCloseTo(numerator / denominator, within(TOLERANCE)));
    }

    @Test
    void aScaleWithFewerThanHalfItsItemsAnsweredHasNoValue() {
        Map<Integer, Integer> answers = EortcResponses.c30();
        // PF2 keeps items 4 and 5 only (2 of 5); FA loses item 18 (2 of 3 left: RS 2.5 -> 50)
        answers.remove(1);
        answers.remove(2);
        answers.remove(3);
        answers.remove(18);

        Parameters scores = score(EortcResponses.response(EortcResponses.C30, answers, null));

        assertThat(value(scores, "PF2")).isEmpty();
        assertThat(value(scores, "FA")).hasValueSatisfying(v -> assertThat(v).isCloseTo(50.0, within(TOLERANCE)));
        // the summary needs all 13 of its scales
        assertThat(value(scores, "SUM")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}/{2}")
    @CsvSource({
        "LCCO, 100, 3", "LCHA, 0, 1", "LCDY, 400, 9", "LCSM, 0, 1", "LCDS, 100, 3", "LCPN, 0, 1", "LCHR, 100, 1",
        "LCPC, 100, 3", "LCPA, 200, 3", "LCPO, 0, 1",
    })
    void everyLc13ScaleHasTheManualsValue(String code, double numerator, double denominator) {
        Parameters scores = score(EortcResponses.response(EortcResponses.LC13, EortcResponses.lc13(), null));

        assertThat(scores.getParameters("scale")).hasSize(10);
        assertThat(value(scores, code)).hasValueSatisfying(v -> assertThat(v).isCloseTo(numerator / denominator, within(TOLERANCE)));
    }

    @Test
    void theLc13DyspnoeaScaleNeedsAllThreeItemsElseItsAnsweredItemsAreScoredAlone() {
        Map<Integer, Integer> answers = EortcResponses.lc13();
        answers.remove(35);

        Parameters scores = score(EortcResponses.response(EortcResponses.LC13, answers, null));

        assertThat(value(scores, "LCDY")).isEmpty();
        // items 33 = 2 and 34 = 3 alone: ((2 - 1)/3) x 100 and ((3 - 1)/3) x 100
        assertThat(value(scores, "LCDY-item-33")).hasValueSatisfying(v -> assertThat(v).isCloseTo(100.0 / 3, within(TOLERANCE)));
        assertThat(value(scores, "LCDY-item-34")).hasValueSatisfying(v -> assertThat(v).isCloseTo(200.0 / 3, within(TOLERANCE)));
        assertThat(scores.getParameters("scale")).hasSize(12);
    }

    @Test
    void aDyspnoeaItemAnsweredAloneIsReturnedAsTheScaleItStandsFor() {
        Parameters scores = score(EortcResponses.response(EortcResponses.LC13, EortcResponses.lc13WithOneDyspnoeaItem(), null));

        // ((3 - 1)/3) x 100 = 66.67
        assertThat(value(scores, "LCDY-item-35")).hasValueSatisfying(v -> assertThat(v).isCloseTo(200.0 / 3, within(TOLERANCE)));
        ParametersParameterComponent item = scale(scores, "LCDY-item-35");
        assertThat(part(item, "standsInFor")).contains("LCDY");
        assertThat(part(item, "item")).contains("35");
        assertThat(value(scores, "LCDY")).isEmpty();
        assertThat(scores.getParameters("scale")).hasSize(11);
    }

    @Test
    void integerAnswersAndAParametersWrapperAreAccepted() {
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.C30, Map.of(), null);
        response.addItem().setLinkId("29").addAnswer().setValue(new IntegerType(5));
        response.addItem().setLinkId("30").addAnswer().setValue(new IntegerType(6));
        Parameters input = new Parameters();
        input.addParameter().setName("resource").setResource(response);

        Parameters scores = parse(fhirRequest(input).post("/QuestionnaireResponse/$score")
                .then().statusCode(200).extract().response(), Parameters.class);

        // QL2: RS 5.5 -> 4.5/6 x 100 = 75
        assertThat(value(scores, "QL2")).contains(75.0);
    }

    @Test
    void anAnswerOutOfRangeIsA422NamingIt() {
        Map<Integer, Integer> answers = EortcResponses.c30();
        answers.put(29, 8);

        OperationOutcome outcome = outcome(fhirRequest(EortcResponses.response(EortcResponses.C30, answers, null))
                .post("/QuestionnaireResponse/$score").then().statusCode(422).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getExpression()).extracting(e -> e.getValue()).contains("QuestionnaireResponse.item[28]");
            assertThat(issue.getDiagnostics()).contains("'29'", "8");
        });
    }

    @Test
    void anAnswerThatIsNotANumberIsA400() {
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.C30, Map.of(1, 2), null);
        response.getItemFirstRep().getAnswerFirstRep().setValue(new org.hl7.fhir.r4.model.StringType("a little"));

        OperationOutcome outcome = outcome(fhirRequest(response).post("/QuestionnaireResponse/$score")
                .then().statusCode(400).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression())
                .extracting(e -> e.getValue()).contains("QuestionnaireResponse.item[0].answer[0].value"));
    }

    private static Parameters score(QuestionnaireResponse response) {
        return parse(fhirRequest(response).post("/QuestionnaireResponse/$score")
                .then().statusCode(200).extract().response(), Parameters.class);
    }

    private static ParametersParameterComponent scale(Parameters scores, String code) {
        return scores.getParameters("scale").stream()
                .filter(s -> code.equals(part(s, "code").orElse(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scale " + code));
    }

    private static Optional<String> part(ParametersParameterComponent scale, String name) {
        return scale.getPart().stream().filter(p -> name.equals(p.getName()))
                .map(p -> p.getValue().primitiveValue()).findFirst();
    }

    private static Optional<Double> value(Parameters scores, String code) {
        return scale(scores, code).getPart().stream().filter(p -> "value".equals(p.getName()))
                .map(p -> ((DecimalType) p.getValue()).getValue().doubleValue())
                .findFirst();
    }
}
