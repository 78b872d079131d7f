package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

@FhirServerTest
class ValidationIT {

    @Test
    void validResourcePassesValidate() {
        Patient patient = new Patient();
        patient.addName().setFamily("Valid");

        OperationOutcome outcome = outcome(fhirRequest(patient)
                .post("/Patient/$validate")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(outcome.getIssue()).noneMatch(issue -> issue.getSeverity() == IssueSeverity.ERROR);
    }

    @Test
    void resourceMissingRequiredElementsFailsValidateWithTheirPaths() {
        Observation observation = new Observation();
        observation.addNote().setText("status and code are both required");
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(observation);

        OperationOutcome outcome = outcome(fhirRequest(parameters)
                .post("/Observation/$validate")
                .then()
                // FHIR: $validate answers 200 when it could validate; the outcome carries the errors
                .statusCode(200)
                .extract()
                .response());

        assertThat(outcome.getIssue())
                .filteredOn(issue -> issue.getSeverity() == IssueSeverity.ERROR)
                .extracting(issue -> issue.getDiagnostics())
                .anyMatch(text -> text.contains("Observation.status"))
                .anyMatch(text -> text.contains("Observation.code"));
    }
}
