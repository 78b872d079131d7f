package org.isotox.security.fhir;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.Fhir;

/** Patients and records of the shipped IHR sites, written as the coordinator. */
final class SiteFixtures {

    private SiteFixtures() {}

    /** {@code Organization/{id}} of the shipped site with this code. */
    static String organization(String siteCode) {
        Bundle found = bundle(fhirRequest()
                .get("/Organization?identifier=https://isotox.org/fhir/sid/site|" + siteCode)
                .then().statusCode(200).extract().response());
        return "Organization/" + found.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    static Patient patientOf(String site) {
        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE).setManagingOrganization(new Reference(site));
        patient.addIdentifier().setSystem("urn:isotox:test:mrn").setValue(UUID.randomUUID().toString());
        patient.addName().setFamily("Site-" + site.substring(site.indexOf('/') + 1));
        return patient;
    }

    static Observation heartRate(String patient) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("vital-signs");
        observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4").setDisplay("Heart rate");
        observation.setSubject(new Reference(patient));
        observation.setEffective(new DateTimeType("2026-03-02T10:00:00Z"));
        observation.setValue(new Quantity().setValue(72).setUnit("/min").setSystem("http://unitsofmeasure.org").setCode("/min"));
        return observation;
    }

    /** A transaction as an EHR pushes it: a new patient of the site and a record about him. */
    static Bundle newPatientWithHeartRate(String site) {
        String patientUuid = "urn:uuid:" + UUID.randomUUID();
        Bundle push = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        push.addEntry().setFullUrl(patientUuid).setResource(patientOf(site))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        push.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(heartRate(patientUuid))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        return push;
    }

    static int count(String type, String query) {
        return Fhir.count(type, query);
    }
}
