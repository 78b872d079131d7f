package org.isotox.cohort.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.isotox.cohort.domain.CohortSettings;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A generated cohort through every rule of the server: 14 subjects (stage 1 of the IHR design full,
 * stage 2 opened), 13 written in the server as the demo cohort is, the 14th over HTTP as an EHR
 * would send it.
 */
@FhirServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticCohortIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final int SUBJECTS = 14;
    private static final String LAST = "-0014";

    @Autowired
    SyntheticCohortWriter writer;

    private IhrStudy study;
    private String prefix;
    private List<List<Bundle>> subjects;

    @BeforeAll
    void writeTheCohort() {
        study = TrialFixtures.newIhrStudy();
        prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        subjects = writer.transactions(study.study(), new CohortSettings(11, SUBJECTS, LocalDate.of(2025, 3, 3), 21, AS_OF), prefix);
        writer.write(subjects.subList(0, SUBJECTS - 1));
        for (Bundle step : subjects.get(SUBJECTS - 1)) {
            Response response = fhirRequest(step).post("/");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        }
    }

    @Test
    void allAreEnrolledAndTheStudyIsNotStoppedForToxicity() {
        Parameters status = parse(fhirRequest().get("/" + study.studyReference() + "/$simon-status?asOf=" + AS_OF)
                .then().statusCode(200).extract().response(), Parameters.class);

        assertThat(status.getParameter("enrolled").getValue().primitiveValue()).isEqualTo("14");
        assertThat(status.getParameter("stage").getValue().primitiveValue()).isEqualTo("2");
        assertThat(status.getParameter("decision").getValue().primitiveValue()).isNotEqualTo("stopped-for-toxicity");
        assertThat(count("ResearchSubject", "study=" + study.studyReference())).isEqualTo(SUBJECTS);
    }

    @Test
    void everyPrescriptionWasApprovedAndActivatedAndEveryCourseDelivered() {
        assertThat(count("ServiceRequest", "status=active&code=http://snomed.info/sct|1222565005&subject:Patient.identifier="
                + SubjectBundles.SYNTHETIC_PATIENT + "|" + prefix + LAST)).isEqualTo(1);
        assertThat(count("Provenance", "target=ServiceRequest/" + prefix + LAST + "-rx")).isEqualTo(2);
        assertThat(count("Procedure", "code=http://snomed.info/sct|1217123003&status=completed&subject=Patient/" + prefix + "-0001"))
                .isEqualTo(1);
    }

    @Test
    void theEndpointsCountDeathsAndProgressionsOfTheCohort() {
        Parameters endpoints = parse(fhirRequest().get("/" + study.studyReference() + "/$endpoints?asOf=" + AS_OF)
                .then().statusCode(200).extract().response(), Parameters.class);

        Parameters.ParametersParameterComponent overall = endpoints.getParameter().stream()
                .filter(p -> p.getPart().stream().anyMatch(part -> part.getName().equals("name")
                        && part.getValue().primitiveValue().equals("OS")))
                .findFirst()
                .orElseThrow();
        assertThat(part(overall, "n")).isEqualTo("14");
        assertThat(Integer.parseInt(part(overall, "events"))).isBetween(1, 13);
    }

    @Test
    void sendingASubjectAgainCreatesNothing() {
        int observations = count("Observation", "subject=Patient/" + prefix + LAST);
        Bundle again = bundle(fhirRequest(subjects.get(SUBJECTS - 1).get(0)).post("/").then().statusCode(200).extract().response());

        assertThat(again.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
        assertThat(count("Observation", "subject=Patient/" + prefix + LAST)).isEqualTo(observations);
    }

    private static String part(Parameters.ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getValue().primitiveValue();
    }
}
