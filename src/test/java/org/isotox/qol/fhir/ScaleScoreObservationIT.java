package org.isotox.qol.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scale score Observations stored when a QLQ-C30 / LC13 response is written, corrected or deleted. */
@FhirServerTest
class ScaleScoreObservationIT {

    private String patient;

    @BeforeEach
    void patient() {
        patient = "Patient/" + create(new Patient());
    }

    @Test
    void aWrittenResponseGetsOneScoreObservationPerScale() {
        String response = "QuestionnaireResponse/" + create(EortcResponses.response(EortcResponses.C30, EortcResponses.c30(), patient));

        List<Observation> scores = scoresOf(response);

        assertThat(scores).hasSize(16);
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.getSubject().getReference()).isEqualTo(patient);
            assertThat(score.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-02-02");
            assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo(response);
            assertThat(score.getMeta().getProfile()).extracting(p -> p.getValue())
                    .contains("https://isotox.org/fhir/StructureDefinition/isotox-qol-scale-score");
        });
        assertThat(valueOf(scores, "PF2")).isCloseTo(260.0 / 3, within(1e-9));
        assertThat(valueOf(scores, "QL2")).isCloseTo(175.0 / 3, within(1e-9));
        assertThat(valueOf(scores, "SUM")).isCloseTo(8530.0 / 117, within(1e-9));
    }

    @Test
    void aCorrectedResponseUpdatesItsScoresInsteadOfAddingMore() {
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.C30, EortcResponses.c30(), patient);
        response.setId(create(response));
        String reference = "QuestionnaireResponse/" + response.getIdElement().getIdPart();
        List<String> ids = scoresOf(reference).stream().map(o -> o.getIdElement().getIdPart()).sorted().toList();

        // item 1 was 4, not 1: PF2 4,2,1,2,1 = RS 2 -> 66.67; and items 26 and 27 left unanswered: SF absent
        response.getItem().get(0).getAnswerFirstRep().getValueCoding().setCode("4");
        response.getItem().removeIf(item -> item.getLinkId().equals("26") || item.getLinkId().equals("27"));
        fhirRequest(response).put("/" + reference).then().statusCode(200);

        List<Observation> scores = scoresOf(reference);
        assertThat(scores).extracting(o -> o.getIdElement().getIdPart()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(valueOf(scores, "PF2")).isCloseTo(200.0 / 3, within(1e-9));
        Observation sf = scoreOf(scores, "SF");
        assertThat(sf.hasValue()).isFalse();
        assertThat(sf.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("not-performed");
    }

    @Test
    void scoresWithdrawnFromAReopenedResponseComeBackUnderTheirIdsWhenItIsCompletedAgain() {
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.LC13, EortcResponses.lc13(), patient);
        response.setId(create(response));
        String reference = "QuestionnaireResponse/" + response.getIdElement().getIdPart();
        List<String> ids = scoresOf(reference).stream().map(o -> o.getIdElement().getIdPart()).sorted().toList();

        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        fhirRequest(response).put("/" + reference).then().statusCode(200);
        assertThat(scoresOf(reference)).isEmpty();

        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        fhirRequest(response).put("/" + reference).then().statusCode(200);
        assertThat(scoresOf(reference)).extracting(o -> o.getIdElement().getIdPart())
                .containsExactlyInAnyOrderElementsOf(ids)
                .hasSize(10);
    }

    @Test
    void anUnscoredLc13DyspnoeaScaleIsStoredWithItsAnsweredItemScoredAlone() {
        String response = "QuestionnaireResponse/" + create(
                EortcResponses.response(EortcResponses.LC13, EortcResponses.lc13WithOneDyspnoeaItem(), patient));

        List<Observation> scores = scoresOf(response);

        assertThat(scores).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .hasSize(11).contains("LCDY-item-35").doesNotContain("LCDY-item-33", "LCDY-item-34");
        assertThat(scoreOf(scores, "LCDY").hasValue()).isFalse();
        Observation item = scoreOf(scores, "LCDY-item-35");
        assertThat(valueOf(scores, "LCDY-item-35")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(item.getCode().getText()).contains("35", "LCDY");
        assertThat(item.getDerivedFromFirstRep().getReference()).isEqualTo(response);
        assertThat(item.getMeta().getProfile()).extracting(p -> p.getValue())
                .contains("https://isotox.org/fhir/StructureDefinition/isotox-qol-scale-score");
    }

    @Test
    void aCorrectionThatCompletesTheDyspnoeaScaleRemovesItsSingleItems() {
        Map<Integer, Integer> answers = EortcResponses.lc13();
        answers.remove(35);
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.LC13, answers, patient);
        response.setId(create(response));
        String reference = "QuestionnaireResponse/" + response.getIdElement().getIdPart();
        // 33 = 2 -> 33.33, 34 = 3 -> 66.67, each alone
        assertThat(valueOf(scoresOf(reference), "LCDY-item-34")).isCloseTo(200.0 / 3, within(1e-9));

        // item 35 answered 2: LCDY 2, 3, 2 -> RS 7/3 -> 44.44
        response.addItem().setLinkId("35").addAnswer().setValue(new Coding().setCode("2"));
        fhirRequest(response).put("/" + reference).then().statusCode(200);

        List<Observation> scores = scoresOf(reference);
        assertThat(scores).hasSize(10);
        assertThat(valueOf(scores, "LCDY")).isCloseTo(400.0 / 9, within(1e-9));
    }

    @Test
    void aResponseWithAnAnswerOutOfRangeIsRefusedAndNothingIsStored() {
        Map<Integer, Integer> answers = EortcResponses.lc13();
        answers.put(43, 3);
        QuestionnaireResponse response = EortcResponses.response(EortcResponses.LC13, answers, patient);
        String marker = UUID.randomUUID().toString();
        response.setIdentifier(new Identifier().setSystem("urn:isotox:test").setValue(marker));

        OperationOutcome outcome = outcome(fhirRequest(response).post("/QuestionnaireResponse")
                .then().statusCode(422).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression())
                .extracting(e -> e.getValue()).contains("QuestionnaireResponse.item[12]"));
        assertThat(count("QuestionnaireResponse", "identifier=urn:isotox:test|" + marker)).isZero();
        assertThat(count("Observation", "subject=" + patient)).isZero();
    }

    @Test
    void deletingTheResponseDeletesItsScores() {
        String response = "QuestionnaireResponse/" + create(EortcResponses.response(EortcResponses.LC13, EortcResponses.lc13(), patient));
        assertThat(scoresOf(response)).hasSize(10);

        fhirRequest().delete("/" + response).then().statusCode(200);

        assertThat(scoresOf(response)).isEmpty();
    }

    @Test
    void theQuestionnairesHoldItemNumbersAndAnswerCodesOnly() {
        Questionnaire c30 = parse(fhirRequest().get("/Questionnaire/eortc-qlq-c30").then().statusCode(200)
                .extract().response(), Questionnaire.class);
        Questionnaire lc13 = (Questionnaire) bundle(fhirRequest().get("/Questionnaire?url=" + EortcResponses.LC13)
                .then().statusCode(200).extract().response()).getEntryFirstRep().getResource();

        assertThat(c30.getUrl()).isEqualTo(EortcResponses.C30);
        assertThat(c30.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).toList());
        assertThat(lc13.getItem()).extracting(QuestionnaireItemComponent::getLinkId).first().isEqualTo("31");
        assertThat(lc13.getItem()).hasSize(13);
        for (Questionnaire questionnaire : List.of(c30, lc13)) {
            assertThat(questionnaire.getItem()).allSatisfy(item -> {
                assertThat(item.hasText()).isFalse();
                assertThat(item.getAnswerOption()).allSatisfy(option ->
                        assertThat(option.getValueCoding().hasDisplay()).isFalse());
            });
        }
        assertThat(c30.getItem().get(0).getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("1", "2", "3", "4");
        assertThat(c30.getItem().get(29).getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        // stored once, at start-up
        assertThat(c30.getMeta().getVersionId()).isEqualTo("1");
    }

    private static List<Observation> scoresOf(String response) {
        return bundle(fhirRequest().header("Cache-Control", "no-cache")
                        .get("/Observation?derived-from=" + response + "&_count=50")
                        .then().statusCode(200).extract().response())
                .getEntry().stream().map(e -> (Observation) e.getResource()).toList();
    }

    private static Observation scoreOf(List<Observation> scores, String code) {
        return scores.stream().filter(o -> code.equals(o.getCode().getCodingFirstRep().getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no score " + code));
    }

    private static double valueOf(List<Observation> scores, String code) {
        return scoreOf(scores, code).getValueQuantity().getValue().doubleValue();
    }
}
