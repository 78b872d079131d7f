package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resource about a trial subject is validated against the trial profile its type and code select,
 * even when it does not declare it (EHRs push plain resources); the same resource about a patient
 * outside any trial is not the trial's business.
 */
@FhirServerTest
class SelectedProfileValidationIT {

    private static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
    private static final String TOXICITY_PROFILE = IhrStudy.PROFILE_BASE + "isotox-ctcae-toxicity";

    private static String enrolled;
    private static String outsider;

    @BeforeEach
    void patients() {
        if (enrolled == null) {
            enrolled = org.isotox.testsupport.TrialFixtures.newIhrStudy().enrolNewPatient("2026-02-01");
            outsider = "Patient/" + Fhir.create(new Patient());
        }
    }

    @Test
    void undeclaredToxicityOfATrialSubjectWithAnUnknownGradeIsRefused() {
        Observation toxicity = pneumonitis(enrolled, "C99999");

        assertNamesTheGrade(fhirRequest(toxicity).post("/Observation").then().statusCode(422).extract().response());
    }

    @Test
    void undeclaredToxicityOfATrialSubjectIsStoredDeclaringTheProfileItMeets() {
        Observation stored = parse(
                fhirRequest(pneumonitis(enrolled, "C41339")).post("/Observation").then().statusCode(201).extract().response(),
                Observation.class);

        assertThat(stored.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(TOXICITY_PROFILE);
    }

    /**
     * In a transaction every entry about a trial subject is validated, the third as the first (whether the patient is
     * a trial subject is asked once for all of its entries); the same entries about an outsider are stored as sent.
     */
    @Test
    void everyEntryOfATransactionAboutATrialSubjectIsValidated() {
        Response refused = fhirRequest(transaction(
                pneumonitis(enrolled, "C41339"), pneumonitis(enrolled, "C41338"), pneumonitis(enrolled, "C99999"))).post("/");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertNamesTheGrade(refused);

        fhirRequest(transaction(pneumonitis(outsider, "C41339"), pneumonitis(outsider, "C99999"))).post("/").then().statusCode(200);
    }

    private static Bundle transaction(Observation... entries) {
        return Fhir.creating(Bundle.BundleType.TRANSACTION, java.util.List.of(entries));
    }

    @Test
    void sameObservationAboutAPatientOutsideTheTrialIsNotTheTrialsBusiness() {
        Observation stored = parse(
                fhirRequest(pneumonitis(outsider, "C99999")).post("/Observation").then().statusCode(201).extract().response(),
                Observation.class);

        assertThat(stored.getMeta().getProfile()).isEmpty();
    }

    @Test
    void observationOfAnotherKindAboutATrialSubjectIsNotValidatedAgainstTrialProfiles() {
        Observation temperature = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        temperature.getCode().addCoding().setSystem("http://loinc.org").setCode("8310-5");
        temperature.setSubject(new Reference(enrolled));

        fhirRequest(temperature).post("/Observation").then().statusCode(201);
    }

    private static void assertNamesTheGrade(Response response) {
        assertThat(outcome(response).getIssue())
                .anySatisfy(issue -> assertThat(issue.getExpression()).anySatisfy(e -> assertThat(e.getValue())
                        .startsWith("Observation.value")));
    }

    private static Observation pneumonitis(String patient, String gradeCode) {
        Observation toxicity = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        toxicity.getCode().addCoding().setSystem(NCIT).setCode("C143767").setDisplay("Pneumonitis");
        toxicity.setSubject(new Reference(patient));
        toxicity.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-03-01"));
        toxicity.setValue(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(NCIT, gradeCode, null)));
        return toxicity;
    }
}
