package org.isotox.enrolment.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.isotox.testsupport.TrialFixtures.WorkUpFact;
import org.junit.jupiter.api.Test;

/** An enrolment sent in one transaction with the patient's record or part of it, as an EHR may send a referral. */
@FhirServerTest
class EnrolmentInTransactionIT {

    /** A work-up result sent with the enrolment counts for its eligibility: the patient stored without a Karnofsky score is enrolled. */
    @Test
    void aWorkUpResultSentWithTheEnrolmentCounts() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientWithout(WorkUpFact.KARNOFSKY);

        Response response = fhirRequest(enrolmentWith(ihr, patient, karnofsky(patient, 70, "2025-12-20"))).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(Fhir.count("ResearchSubject", "study=" + ihr.studyReference() + "&patient=" + patient)).isEqualTo(1);
    }

    /**
     * A result sent with the enrolment that makes the patient ineligible refuses it, and nothing is stored (before,
     * eligibility was decided on the records committed earlier: a Karnofsky score of 50 sent with the enrolment was
     * not counted and the patient was enrolled).
     */
    @Test
    void aResultSentWithTheEnrolmentThatMakesThePatientIneligibleRefusesIt() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatient();

        Response response = fhirRequest(enrolmentWith(ihr, patient, karnofsky(patient, 50, "2026-01-02"))).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(Fhir.outcome(response).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).containsIgnoringCase("karnofsky"));
        assertThat(Fhir.count("ResearchSubject", "study=" + ihr.studyReference())).isZero();
        assertThat(Fhir.count("Observation", "subject=" + patient + "&code=http://loinc.org|89243-0")).isEqualTo(1);
    }

    private static Bundle enrolmentWith(IhrStudy ihr, String patient, Observation result) {
        return Fhir.creating(Bundle.BundleType.TRANSACTION, List.of(result, TrialFixtures.subject(ihr, patient, "2026-01-05")));
    }

    private static Observation karnofsky(String patient, int score, String date) {
        Observation kps = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        kps.getCode().addCoding(new Coding("http://loinc.org", "89243-0", "Karnofsky Performance Status score"));
        kps.setSubject(new Reference(patient));
        kps.setEffective(new DateTimeType(date));
        kps.setValue(new IntegerType(score));
        return kps;
    }

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
