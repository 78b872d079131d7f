package org.isotox.testsupport;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;

/** The IHR study as the server loaded it, and patients enrolled in it, for tests that need trial data. */
public record IhrStudy(ResearchStudy study, String siteOrganization) {

    public static final String NCT = "NCT03606291";
    public static final String PROFILE_BASE = "https://isotox.org/fhir/StructureDefinition/";

    /** Reads the loaded IHR study over the API. */
    public static IhrStudy load() {
        Bundle found = bundle(fhirRequest()
                .get("/ResearchStudy?identifier=https://clinicaltrials.gov|" + NCT + "&_include=ResearchStudy:site")
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

    /** A new patient, enrolled in the study at its first site; returns {@code Patient/id}. */
    public String enrolNewPatient(String enrolmentDate) {
        String patient = "Patient/" + create(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Enrolled")));
        ResearchSubject subject = new ResearchSubject()
                .setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY)
                .setStudy(new Reference(studyReference()))
                .setIndividual(new Reference(patient));
        subject.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(enrolmentDate));
        subject.addExtension(PROFILE_BASE + "research-subject-site", new Reference(siteOrganization));
        create(subject);
        return patient;
    }
}
