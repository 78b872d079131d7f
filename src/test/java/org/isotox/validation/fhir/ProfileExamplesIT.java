package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trial profile against its examples ({@code src/test/resources/examples/expectations.csv}):
 * a valid example is stored; a broken one is refused with 422, an issue naming the element, and
 * nothing stored; and {@code $validate} with the profile gives the same verdict.
 */
@FhirServerTest
class ProfileExamplesIT {

    private static Map<String, String> placeholders;

    @BeforeEach
    void fixtures() {
        if (placeholders != null) {
            return;
        }
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        Map<String, String> values = new HashMap<>();
        values.put("study", ihr.studyReference());
        values.put("protocol", ihr.study().getProtocolFirstRep().getReference());
        values.put("eligibility", ihr.study().getEnrollmentFirstRep().getReference());
        values.put("location", ihr.study().getSiteFirstRep().getReference());
        values.put("site", ihr.siteOrganization());
        values.put("patient", ihr.enrolNewPatient("2026-01-05"));
        // the plan the prescription examples are checked against (66 Gy is within what it allows)
        org.isotox.testsupport.Dvhs.lungV20Binds().storeFor(values.get("patient"));
        values.put("otherPatient", TrialFixtures.eligiblePatient());
        QuestionnaireResponse answers = new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setQuestionnaire("https://isotox.org/fhir/Questionnaire/eortc-qlq-c30")
                .setSubject(new Reference(values.get("patient")));
        values.put("questionnaireResponse", "QuestionnaireResponse/" + create(answers));
        placeholders = values;
        placeholders.put("lesionMeasurement", "Observation/" + create(example("isotox-recist-lesion-measurement/valid-target.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void writeGivesTheExpectedVerdict(String file, int status, String expression, String text) {
        Resource resource = example(file);
        Identifier marker = resource.getNamedProperty("identifier").getValues().stream()
                .map(Identifier.class::cast)
                .findFirst()
                .orElseThrow()
                .setValue(UUID.randomUUID().toString());

        Response response = fhirRequest(resource).post("/" + resource.fhirType());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (status == 422) {
            assertNamesTheElement(outcome(response), expression, text);
            assertThat(count(resource.fhirType(), "identifier=" + marker.getSystem() + "|" + marker.getValue()))
                    .as("nothing stored")
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validateWithTheProfileGivesTheSameVerdict(String file, int status, String expression, String text) {
        Resource resource = example(file);
        String profile = resource.getMeta().getProfile().get(0).getValue();
        resource.getMeta().getProfile().clear();

        OperationOutcome outcome = outcome(fhirRequest(resource)
                .queryParam("profile", profile)
                .post("/" + resource.fhirType() + "/$validate")
                .then()
                .statusCode(200)
                .extract()
                .response());

        if (status == 422) {
            assertNamesTheElement(outcome, expression, text);
        } else {
            assertThat(errors(outcome)).as(Fhir.json(outcome)).isEmpty();
        }
    }

    static Stream<Arguments> examples() throws IOException {
        try (InputStream in = ProfileExamplesIT.class.getResourceAsStream("/examples/expectations.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(";", -1))
                    .map(cols -> Arguments.of(cols[0], Integer.parseInt(cols[1]), cols[2], cols[3]))
                    .toList()
                    .stream();
        }
    }

    private static void assertNamesTheElement(OperationOutcome outcome, String expression, String text) {
        assertThat(errors(outcome))
                .as(Fhir.json(outcome))
                .anySatisfy(issue -> {
                    assertThat(issue.getExpression()).anySatisfy(e -> assertThat(e.getValue()).startsWith(expression));
                    assertThat(issue.getDiagnostics()).contains(text);
                });
    }

    private static List<OperationOutcomeIssueComponent> errors(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == IssueSeverity.ERROR || i.getSeverity() == IssueSeverity.FATAL)
                .toList();
    }

    private static Resource example(String file) {
        try (InputStream in = ProfileExamplesIT.class.getResourceAsStream("/examples/" + file)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                json = json.replace("{{" + placeholder.getKey() + "}}", placeholder.getValue());
            }
            return (Resource) Fhir.R4.newJsonParser().parseResource(json);
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }
}
