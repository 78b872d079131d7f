package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

@FhirServerTest
class TransactionIT {

    private static final String MRN = "urn:isotox:test:mrn";

    @Test
    void transactionOfFiftyResourcesLandsWhole() {
        String mrn = UUID.randomUUID().toString();
        Bundle transaction = patientWithObservations(BundleType.TRANSACTION, mrn, 49);

        Bundle response = bundle(fhirRequest(transaction).post("/").then().statusCode(200).extract().response());

        assertThat(response.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(50).allSatisfy(entry -> assertThat(
                        entry.getResponse().getStatus())
                .startsWith("201"));
        String patientId = response.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
        assertThat(count("Observation", "subject=Patient/" + patientId)).isEqualTo(49);
    }

    @Test
    void transactionWithOneInvalidEntryStoresNothing() {
        String mrn = UUID.randomUUID().toString();
        Bundle transaction = patientWithObservations(BundleType.TRANSACTION, mrn, 10);
        Observation orphan = temperature(new Reference("Patient/does-not-exist-" + mrn));
        transaction.addEntry().setResource(orphan).getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

        Response response = fhirRequest(transaction).post("/").then().statusCode(400).extract().response();

        OperationOutcome outcome = outcome(response);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("does-not-exist-" + mrn);
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isZero();
        assertThat(count("Observation", "subject:Patient.identifier=" + MRN + "|" + mrn)).isZero();
    }

    @Test
    void batchStoresTheValidEntriesAndReportsTheInvalidOne() {
        String mrn = UUID.randomUUID().toString();
        Bundle batch = new Bundle().setType(BundleType.BATCH);
        batch.addEntry().setResource(patient(mrn)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        batch.addEntry()
                .setResource(temperature(new Reference("Patient/does-not-exist-" + mrn)))
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Observation");

        Bundle response = bundle(fhirRequest(batch).post("/").then().statusCode(200).extract().response());

        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("400");
        assertThat(response.getEntry().get(1).getResponse().getOutcome()).isInstanceOf(OperationOutcome.class);
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
    }

    static Bundle patientWithObservations(BundleType type, String mrn, int observations) {
        Bundle bundle = new Bundle().setType(type);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        add(bundle, patientUrl, patient(mrn), "Patient");
        for (int i = 0; i < observations; i++) {
            add(bundle, "urn:uuid:" + UUID.randomUUID(), temperature(new Reference(patientUrl)), "Observation");
        }
        return bundle;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource, String url) {
        bundle.addEntry()
                .setFullUrl(fullUrl)
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl(url);
    }

    static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN).setValue(mrn);
        patient.addName().setFamily("Transaction").addGiven(mrn);
        return patient;
    }

    private static Observation temperature(Reference subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8310-5");
        observation.setSubject(subject);
        observation.setValue(new Quantity().setValue(36.8).setUnit("Cel").setSystem("http://unitsofmeasure.org").setCode("Cel"));
        return observation;
    }
}
