package org.isotox.testsupport;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.ResearchStudy;

/** The IHR study as the server loaded it, and patients enrolled in it, for tests that need trial data. */
public record IhrStudy(ResearchStudy study, String siteOrganization) {

    public static final String NCT = "NCT03606291";
    public static final String PROFILE_BASE = "https://isotox.org/fhir/StructureDefinition/";

    /** Reads the IHR study the server loaded at start-up, over the API. */
    public static IhrStudy load() {
        return load(NCT);
    }

    /** Reads the study with this ClinicalTrials.gov identifier, over the API. */
    public static IhrStudy load(String nct) {
        Bundle found = bundle(fhirRequest()
                .get("/ResearchStudy?identifier=https://clinicaltrials.gov|" + nct + "&_include=ResearchStudy:site")
                .then()
                .statusCode(200)
                .extract()
                .response());
        ResearchStudy study = (ResearchStudy) found.getEntry().stream()
                .filter(e -> e.getResource() instanceof ResearchStudy)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the IHR study is not loaded"))
                .getResource();
        Location site = (Location) found.getEntry().stream()
                .filter(e -> e.getResource() instanceof Location)
                .findFirst()
                .orElseThrow()
                .getResource();
        return new IhrStudy(study, site.getManagingOrganization().getReference());
    }

    public String studyReference() {
        return "ResearchStudy/" + study.getIdElement().getIdPart();
    }

    /** A new eligible patient, enrolled in the study at its first site; returns {@code Patient/id}. */
    public String enrolNewPatient(String enrolmentDate) {
        String patient = TrialFixtures.eligiblePatient();
        TrialFixtures.enrol(this, patient, enrolmentDate).then().statusCode(201);
        return patient;
    }
}
