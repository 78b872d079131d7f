package org.isotox.response.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Lesions;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The best overall response the server derives for a subject, as a site records him: baseline CT
 * on 2 January, enrolment on 5 January, follow-up CTs. RECIST 1.1 (Eisenhauer et al. 2009,
 * section 4.6.3) counts the minimum duration of stable disease (IHR: 42 days) from study entry,
 * and an SD short of it followed by progression is a best response of PD (section 4.4.3, Table 3).
 * Target T1: 40 mm at baseline, 38 mm is SD, 50 mm after 38 is PD (+31.6 %, +12 mm).
 */
@FhirServerTest
class BestOverallResponseIT {

    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";

    private static IhrStudy ihr;
    private static IhrStudy fromFirstFraction;

    @BeforeEach
    void studies() {
        if (ihr == null) {
            ihr = TrialFixtures.newIhrStudy();
            fromFirstFraction = TrialFixtures.newIhrStudy(study -> {
                Extension settings = study.getExtensionByUrl(StudyEntries.BEST_RESPONSE);
                settings.getExtensionByUrl("studyEntry").setValue(new CodeType("first-fraction"));
            });
        }
    }

    @Test
    void anSdThirtyNineDaysAfterEnrolmentThenProgressionIsProgression() {
        String patient = enrolledAfterABaselineScan(ihr);
        create(Lesions.target(patient, "2026-02-13", "T1", "38", true));
        // 13 February is 42 days after the scan but 39 after enrolment: too early, and nothing follows yet
        assertBest(patient, "NE", "2026-02-13", "2026-01-05");

        create(Lesions.target(patient, "2026-05-11", "T1", "50", true));

        assertBest(patient, "PD", "2026-05-11", "2026-01-05");
        Observation best = best(patient);
        assertThat(best.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://isotox.org/fhir/StructureDefinition/isotox-recist-best-overall-response");
        assertThat(timepointResponses(patient)).hasSize(2);
        assertThat(best.getDerivedFrom()).extracting(Reference::getReference)
                .containsExactlyInAnyOrderElementsOf(timepointResponses(patient));
        // another site's token gets nothing of the derived record: no read, no match, not even a count
        fhirRequestAs(Tokens.INVESTIGATOR_NCPB).get("/Observation/" + best.getIdElement().getIdPart()).then().statusCode(404);
        assertThat(bundle(fhirRequestAs(Tokens.INVESTIGATOR_NCPB)
                .get("/Observation?subject=" + patient + "&code=" + ISOTOX + "|recist-best-overall-response&_summary=count")
                .then().statusCode(200).extract().response()).getTotal()).isZero();
    }

    @Test
    void anSdFortyTwoDaysAfterEnrolmentIsTheBestResponse() {
        String patient = enrolledAfterABaselineScan(ihr);
        create(Lesions.target(patient, "2026-02-16", "T1", "38", true));
        create(Lesions.target(patient, "2026-05-11", "T1", "50", true));

        assertBest(patient, "SD", "2026-02-16", "2026-01-05");
    }

    @Test
    void correctionsAndDeletionsRecomputeIt() {
        String patient = enrolledAfterABaselineScan(ihr);
        String sd = create(Lesions.target(patient, "2026-02-13", "T1", "38", true));
        Observation may = Lesions.target(patient, "2026-05-11", "T1", "50", true);
        may.setId(create(may));
        String bestId = best(patient).getIdElement().getIdPart();

        // 50 mm was a typing error for 39 mm: SD in May, 126 days after enrolment
        may.setValue(Lesions.target(patient, "2026-05-11", "T1", "39", true).getValue());
        fhirRequest(may).put("/Observation/" + may.getIdElement().getIdPart()).then().statusCode(200);
        assertBest(patient, "SD", "2026-05-11", "2026-01-05");
        assertThat(best(patient).getIdElement().getIdPart()).isEqualTo(bestId);

        fhirRequest().delete("/Observation/" + may.getIdElement().getIdPart()).then().statusCode(200);
        assertBest(patient, "NE", "2026-02-13", "2026-01-05");

        fhirRequest().delete("/Observation/" + sd).then().statusCode(200);
        assertThat(bestResponses(patient)).isEmpty();
        assertThat(timepointResponses(patient)).isEmpty();
    }

    @Test
    void aStudyCountingFromTheFirstFractionTimesItFromThere() {
        String patient = enrolledAfterABaselineScan(fromFirstFraction);
        TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-27", 22);
        // 20 February: 46 days after enrolment, 39 after the first fraction
        create(Lesions.target(patient, "2026-02-20", "T1", "38", true));
        create(Lesions.target(patient, "2026-05-11", "T1", "50", true));

        assertBest(patient, "PD", "2026-05-11", "2026-01-12");
    }

    private static String enrolledAfterABaselineScan(IhrStudy study) {
        String patient = TrialFixtures.eligiblePatient();
        create(Lesions.target(patient, "2026-01-02", "T1", "40", true));
        TrialFixtures.enrol(study, patient, "2026-01-05").then().statusCode(201);
        return patient;
    }

    private static void assertBest(String patient, String response, String effective, String studyEntry) {
        Observation best = best(patient);
        assertThat(best.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo(response);
        assertThat(best.getEffectiveDateTimeType().getValueAsString()).isEqualTo(effective);
        assertThat(best.getComponent()).singleElement().satisfies(component -> {
            assertThat(component.getCode().getCodingFirstRep().getCode()).isEqualTo("recist-study-entry");
            assertThat(((DateTimeType) component.getValue()).getValueAsString()).isEqualTo(studyEntry);
        });
    }

    private static Observation best(String patient) {
        List<Observation> found = bestResponses(patient);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<Observation> bestResponses(String patient) {
        return search(patient, "recist-best-overall-response").getEntry().stream()
                .map(e -> (Observation) e.getResource())
                .toList();
    }

    private static List<String> timepointResponses(String patient) {
        return search(patient, "recist-timepoint-response").getEntry().stream()
                .map(e -> "Observation/" + e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static Bundle search(String patient, String code) {
        return bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/Observation?subject=" + patient + "&code=" + ISOTOX + "|" + code)
                .then().statusCode(200).extract().response());
    }
}
