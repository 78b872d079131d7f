package org.isotox.toxicity.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.TrialFixtures.ESOPHAGITIS;
import static org.isotox.testsupport.TrialFixtures.GRADE_2;
import static org.isotox.testsupport.TrialFixtures.GRADE_3;
import static org.isotox.testsupport.TrialFixtures.GRADE_4;
import static org.isotox.testsupport.TrialFixtures.NCIT;
import static org.isotox.testsupport.TrialFixtures.PNEUMONITIS;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CTCAE v5 toxicity records: a grade the term does not define is refused (the ranges are the
 * terminology's), and records are found by subject, term and grade.
 */
@FhirServerTest
class ToxicityGradeIT {

    private static final String COUGH = "C58028";
    private static final String FATIGUE = "C146753";
    private static final String ALOPECIA = "C57898";
    private static final String GRADE_1 = "C41338";
    private static final String GRADE_5 = "C48275";
    private static final String GRADE_0 = "C75533";

    private String patient;

    @BeforeEach
    void patient() {
        patient = "Patient/" + create(new Patient());
    }

    // CTCAE v5: cough and fatigue have grades 1-3, alopecia 1-2, pneumonitis and esophagitis 1-5.
    @ParameterizedTest(name = "{0} grade {1} -> {2}")
    @CsvSource({
        COUGH + ", " + GRADE_3 + ", 201",
        COUGH + ", " + GRADE_4 + ", 422",
        FATIGUE + ", " + GRADE_4 + ", 422",
        ALOPECIA + ", " + GRADE_2 + ", 201",
        ALOPECIA + ", " + GRADE_3 + ", 422",
        ALOPECIA + ", " + GRADE_0 + ", 201",
        PNEUMONITIS + ", " + GRADE_5 + ", 201",
        ESOPHAGITIS + ", " + GRADE_5 + ", 201",
    })
    void aGradeMustExistForTheTerm(String term, String grade, int status) {
        fhirRequest(toxicity(term, grade)).post("/Observation").then().statusCode(status);
    }

    @Test
    void theRefusalNamesTheValueAndStoresNothing() {
        OperationOutcome outcome = outcome(fhirRequest(toxicity(ALOPECIA, GRADE_3)).post("/Observation")
                .then().statusCode(422).extract().response());

        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("Observation.value");
            assertThat(issue.getDiagnostics()).contains("grades 1 to 2", "Alopecia", "grade 3");
        });
        assertThat(count("Observation", "subject=" + patient)).isZero();
    }

    @Test
    void aCorrectionToAGradeTheTermLacksIsRefused() {
        Observation cough = toxicity(COUGH, GRADE_2);
        cough.setId(create(cough));
        cough.getValueCodeableConcept().getCodingFirstRep().setCode(GRADE_4);

        fhirRequest(cough).put("/Observation/" + cough.getIdElement().getIdPart()).then().statusCode(422);
    }

    @Test
    void recordsAreFoundBySubjectTermAndGrade() {
        create(toxicity(PNEUMONITIS, GRADE_1));
        create(toxicity(PNEUMONITIS, GRADE_3));
        create(toxicity(ESOPHAGITIS, GRADE_3));
        String other = "Patient/" + create(new Patient());
        TrialFixtures.recordToxicity(other, PNEUMONITIS, GRADE_3, "2026-03-01", 0);

        assertThat(count("Observation", "subject=" + patient)).isEqualTo(3);
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + PNEUMONITIS)).isEqualTo(2);
        assertThat(count("Observation", "subject=" + patient + "&value-concept=" + NCIT + "|" + GRADE_3)).isEqualTo(2);
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + PNEUMONITIS
                + "&value-concept=" + NCIT + "|" + GRADE_3)).isEqualTo(1);
        assertThat(count("Observation", "code=" + NCIT + "|" + PNEUMONITIS + "&value-concept=" + NCIT + "|" + GRADE_3
                + "&subject=" + other)).isEqualTo(1);
    }

    private Observation toxicity(String term, String grade) {
        Observation toxicity = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        toxicity.getCode().addCoding(new Coding(NCIT, term, null));
        toxicity.setSubject(new Reference(patient));
        toxicity.setEffective(new DateTimeType("2026-03-01"));
        toxicity.setValue(new CodeableConcept().addCoding(new Coding(NCIT, grade, null)));
        return toxicity;
    }
}
