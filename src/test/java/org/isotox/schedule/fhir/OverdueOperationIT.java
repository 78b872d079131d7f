package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.schedule.fhir.ScheduleFixtures.Enrolled;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code $overdue} on a study with three subjects enrolled on 5 January 2026: at the first site one
 * whose radiotherapy ran from 12 January to 20 February and who came to everything up to the
 * 1-month visit, and one who never started radiotherapy nor answered the baseline questionnaire;
 * at the second site one with the same radiotherapy and no record at all.
 */
@FhirServerTest
class OverdueOperationIT {

    private static IhrStudy ihr;
    private static String firstSite;
    private static String secondSite;
    private static Enrolled attended;
    private static Enrolled neverCame;
    private static Enrolled notStarted;

    @BeforeEach
    void subjects() {
        if (ihr != null) {
            return;
        }
        ihr = TrialFixtures.newIhrStudy();
        firstSite = ScheduleFixtures.sites(ihr).get(0);
        secondSite = ScheduleFixtures.sites(ihr).get(1);
        attended = ScheduleFixtures.enrol(ihr, firstSite, "2026-01-05");
        neverCame = ScheduleFixtures.enrol(ihr, secondSite, "2026-01-05");
        notStarted = ScheduleFixtures.enrol(ihr, firstSite, "2026-01-05");
        TrialFixtures.completeCourse(attended.patient(), "2026-01-12", "2026-02-20", 13);
        TrialFixtures.completeCourse(neverCame.patient(), "2026-01-12", "2026-02-20", 13);
        String patient = attended.patient();
        ScheduleFixtures.questionnaire(patient, "2026-01-06");
        ScheduleFixtures.questionnaire(patient, "2026-02-09");
        for (String visit : List.of("2026-02-20", "2026-03-20")) {
            ScheduleFixtures.visit(patient, visit);
            ScheduleFixtures.questionnaire(patient, visit);
            ScheduleFixtures.chestCt(patient, visit);
            ScheduleFixtures.toxicityAssessment(patient, visit);
        }
    }

    @Test
    void listsExactlyTheActivitiesDueAndMissingPerSubjectBySiteThenEnrolment() {
        Parameters overdue = overdue("asOf=2026-06-15");

        List<ParametersParameterComponent> subjects = subjectParts(overdue);
        assertThat(subjects).extracting(s -> reference(s, "researchSubject")).containsExactlyElementsOf(
                firstSite.compareTo(secondSite) < 0
                        ? List.of(attended.subject(), notStarted.subject(), neverCame.subject())
                        : List.of(neverCame.subject(), attended.subject(), notStarted.subject()));

        ParametersParameterComponent first = subject(overdue, attended);
        assertThat(reference(first, "patient")).isEqualTo(attended.patient());
        assertThat(reference(first, "site")).isEqualTo(firstSite);
        assertThat(activities(first)).extracting(a -> value(a, "code"), a -> value(a, "scheduledDate"), a -> value(a, "dueDate"),
                        a -> value(a, "daysOverdue"))
                .containsExactlyInAnyOrder(
                        tuple("follow-up-visit", "2026-05-20", "2026-06-03", "12"),
                        tuple("toxicity-assessment", "2026-05-20", "2026-06-03", "12"),
                        tuple("qol-assessment", "2026-05-20", "2026-06-03", "12"),
                        tuple("response-ct", "2026-05-20", "2026-06-03", "12"));

        assertThat(activities(subject(overdue, notStarted))).extracting(a -> value(a, "code"), a -> value(a, "dueDate"),
                        a -> value(a, "daysOverdue"))
                .containsExactly(tuple("qol-assessment", "2026-01-12", "154"));

        assertThat(reference(subject(overdue, neverCame), "site")).isEqualTo(secondSite);
        assertThat(activities(subject(overdue, neverCame))).extracting(a -> value(a, "code"), a -> value(a, "scheduledDate"))
                .containsExactly(
                        tuple("qol-assessment", "2026-01-05"),
                        tuple("qol-assessment", "2026-02-09"),
                        tuple("follow-up-visit", "2026-02-20"), tuple("qol-assessment", "2026-02-20"),
                        tuple("response-ct", "2026-02-20"), tuple("toxicity-assessment", "2026-02-20"),
                        tuple("follow-up-visit", "2026-03-20"), tuple("qol-assessment", "2026-03-20"),
                        tuple("response-ct", "2026-03-20"), tuple("toxicity-assessment", "2026-03-20"),
                        tuple("follow-up-visit", "2026-05-20"), tuple("qol-assessment", "2026-05-20"),
                        tuple("response-ct", "2026-05-20"), tuple("toxicity-assessment", "2026-05-20"));
    }

    @Test
    void anActivityIsOverdueFromTheDayAfterItsGraceWindowEnds() {
        assertThat(subjectParts(overdue("asOf=2026-06-03"))).extracting(s -> reference(s, "researchSubject"))
                .doesNotContain(attended.subject());

        assertThat(activities(subject(overdue("asOf=2026-06-04"), attended)))
                .hasSize(4)
                .allMatch(a -> value(a, "daysOverdue").equals("1"));
    }

    @Test
    void aSiteSeesOnlyItsOwnSubjects() {
        Parameters overdue = overdue("asOf=2026-06-15&site=" + secondSite);

        assertThat(subjectParts(overdue)).extracting(s -> reference(s, "researchSubject")).containsExactly(neverCame.subject());
    }

    @Test
    void theTaskSearchAnswersTheSameQuestion() {
        String query = "/Task?focus:ResearchSubject.study=" + ihr.studyReference()
                + "&identifier=https://isotox.org/fhir/sid/scheduled-activity|&status=requested&period=eb2026-06-15&_count=100";

        assertThat(taskReferences(query)).containsExactlyInAnyOrderElementsOf(overdueTasks(overdue("asOf=2026-06-15")));
        assertThat(taskReferences(query + "&owner=" + firstSite))
                .containsExactlyInAnyOrderElementsOf(overdueTasks(overdue("asOf=2026-06-15&site=" + firstSite)))
                .hasSize(5);
    }

    @ParameterizedTest(name = "[{index}] $overdue?{0}")
    @CsvSource({
        "site=Organization/1,             asOf, 'is required'",
        "asOf=2026-13-45,                 '',   'Invalid date/time format'",
        "asOf=2026-06,                    asOf, 'must be a full date'",
        "asOf=2026-06-15&site=Patient/1,  site, 'Organization'",
    })
    void aMissingOrMalformedInputIs400(String query, String expression, String diagnostics) {
        Response response = fhirRequest().get("/" + ihr.studyReference() + "/$overdue?" + query)
                .then().statusCode(400).extract().response();

        OperationOutcomeIssueComponent issue = outcome(response).getIssueFirstRep();
        assertThat(issue.getDiagnostics()).contains(diagnostics);
        if (!expression.isEmpty()) {
            assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly(expression);
        }
    }

    @Test
    void anUnknownStudyIs404() {
        fhirRequest().get("/ResearchStudy/no-such-study/$overdue?asOf=2026-06-15").then().statusCode(404);
    }

    private static Parameters overdue(String query) {
        return parse(fhirRequest().get("/" + ihr.studyReference() + "/$overdue?" + query).then().statusCode(200).extract().response(),
                Parameters.class);
    }

    private static List<ParametersParameterComponent> subjectParts(Parameters overdue) {
        return overdue.getParameter().stream().filter(p -> p.getName().equals("subject")).toList();
    }

    private static ParametersParameterComponent subject(Parameters overdue, Enrolled enrolled) {
        return subjectParts(overdue).stream()
                .filter(s -> reference(s, "researchSubject").equals(enrolled.subject()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(enrolled.subject() + " is not listed"));
    }

    private static List<ParametersParameterComponent> activities(ParametersParameterComponent subject) {
        return subject.getPart().stream().filter(p -> p.getName().equals("activity")).toList();
    }

    private static List<String> overdueTasks(Parameters overdue) {
        return subjectParts(overdue).stream().flatMap(s -> activities(s).stream()).map(a -> reference(a, "task")).toList();
    }

    private static List<String> taskReferences(String query) {
        return bundle(fhirRequest().header("Cache-Control", "no-cache").get(query).then().statusCode(200).extract().response())
                .getEntry().stream()
                .map(e -> "Task/" + e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static String reference(ParametersParameterComponent part, String name) {
        return ((Reference) part(part, name).getValue()).getReference();
    }

    private static String value(ParametersParameterComponent part, String name) {
        ParametersParameterComponent value = part(part, name);
        return value.getValue() instanceof Coding coding ? coding.getCode() : value.getValue().primitiveValue();
    }

    private static ParametersParameterComponent part(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no part " + name));
    }
}
