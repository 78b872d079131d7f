package org.isotox.enrolment.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.response.Response;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;

/** An EHR's referral that carries the patient's record and the enrolment in one transaction. */
@FhirServerTest
class EnrolmentInTransactionIT {

    /**
     * The enrolment of a patient the same transaction creates is refused with an outcome that says why and what
     * to do, and nothing of the transaction is stored (before: HAPI-0572 "resources of type null", a 400 from the
     * ownership placement reading the placeholder).
     */
    @Test
    void anEnrolmentOfAPatientCreatedInTheSameTransactionIsRefusedClearly() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        Bundle referral = TrialFixtures.eligiblePatientRecord();
        String family = "Referral-" + UUID.randomUUID().toString().substring(0, 8);
        ((Patient) referral.getEntryFirstRep().getResource()).getNameFirstRep().setFamily(family);
        String placeholder = referral.getEntryFirstRep().getFullUrl();
        referral.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(TrialFixtures.subject(ihr, placeholder, "2026-01-05"))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ResearchSubject");

        Response response = fhirRequest(referral).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        OperationOutcome outcome = Fhir.outcome(response);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains(placeholder, "not a stored Patient", "Store the patient's record first");
        assertThat(Fhir.count("Patient", "family=" + family)).isZero();
        assertThat(Fhir.count("ResearchSubject", "study=" + ihr.studyReference())).isZero();
    }
}
