package org.isotox.dose.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.isotox.security.fhir.MintedTokens;
import org.isotox.testsupport.Dvhs;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Prescriptions;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IHR dose rules on prescriptions for subjects on study (plan: lung V20 stops the escalation at 69 Gy). */
@FhirServerTest
class PrescriptionGuardIT {

    private static final String MARKER = Prescriptions.MARKER;
    private static String patient;

    @BeforeEach
    void subjectWithAPlan() {
        if (patient == null) {
            patient = enrolledPatient();
            Dvhs.lungV20Binds().storeFor(patient);
        }
    }

    @Test
    void totalDoseAboveTheStudysMaximumIsRefused() {
        assertRefused(prescription(patient, 3, 25, 75), "outside the study's range 45 Gy to 72 Gy", "totalDose");
    }

    @Test
    void fractionDoseOtherThanTheStudysIsRefused() {
        assertRefused(prescription(patient, 2, 30, 60), "fraction dose 2 Gy differs from the study's 3 Gy", "fractionDose");
    }

    @Test
    void totalThatIsNotTheFractionsTimesTheFractionDoseIsRefused() {
        assertRefused(prescription(patient, 3, 23, 70), "is not 23 fractions of 3 Gy", "totalDose");
    }

    @Test
    void doseAtWhichThePlanBreaksTheCordLimitIsRefused() {
        String cordAtRisk = enrolledPatient();
        Dvhs.at(60)
                .with("SpinalCord", "0:100 40:0")
                .with("Lungs-GTV", "0:100 5:40 20:10 60:0")
                .with("Esophagus", "0:100 40:0")
                .storeFor(cordAtRisk);

        // cord Dmax 40 Gy at 60 Gy -> 46 Gy at 69 Gy, above 45
        assertRefused(prescription(cordAtRisk, 3, 23, 69), "breaks SpinalCord Dmax: 46 against a limit of 45", "totalDose");
    }

    /**
     * A new plan's DVHs sent with the prescription in one transaction are the ones checked: a replan at which the
     * cord limit breaks is refused, though the DVHs stored before allowed the dose (before, each entry's check saw
     * only what was committed, and this prescription was stored).
     */
    @Test
    void theDvhsSentWithThePrescriptionInOneTransactionAreTheOnesChecked() {
        String replanned = enrolledPatient();
        Dvhs.lungV20Binds().storeFor(replanned);
        List<Resource> entries = new ArrayList<>(Dvhs.at(60)
                .with("SpinalCord", "0:100 40:0")
                .with("Lungs-GTV", "0:100 5:40 20:10 60:0")
                .with("Esophagus", "0:100 40:0")
                .observationsFor(replanned));
        ServiceRequest prescription = prescription(replanned, 3, 23, 69);
        entries.add(prescription);

        Response response = fhirRequest(Fhir.creating(Bundle.BundleType.TRANSACTION, entries)).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(outcome(response).getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics())
                .contains("breaks SpinalCord Dmax: 46 against a limit of 45"));
        assertThat(count("ServiceRequest", "identifier=" + MARKER + "|" + prescription.getIdentifierFirstRep().getValue()))
                .as("nothing stored").isZero();
    }

    @Test
    void planWithoutDvhsCannotBeChecked() {
        assertRefused(prescription(enrolledPatient(), 3, 22, 66), "No DVH of SpinalCord", "dvh");
    }

    @Test
    void underDosedPrescriptionIsStoredWithAWarningNamingTheAchievableDose() {
        Response response = fhirRequest(prescription(patient, 3, 20, 60))
                .header("Prefer", "return=OperationOutcome")
                .post("/ServiceRequest")
                .then()
                .statusCode(201)
                .extract()
                .response();

        OperationOutcome outcome = outcome(response);
        assertThat(outcome.getIssue())
                .filteredOn(i -> i.getSeverity() == IssueSeverity.WARNING)
                .extracting(i -> i.getDiagnostics())
                .containsExactly("The prescribed 60 Gy is below the isotoxic dose of 69 Gy (23 fractions, limited by "
                        + "Lungs-GTV V20) that the plan's DVHs allow");
        assertThat(response.header("Warning")).contains("below the isotoxic dose of 69 Gy");
    }

    @Test
    void prescriptionAtTheIsotoxicDoseHasNoWarning() {
        Response response = fhirRequest(prescription(patient, 3, 23, 69)).post("/ServiceRequest").then().statusCode(201).extract().response();

        assertThat(response.header("Warning")).isNull();
    }

    @Test
    void prescriptionBecomesActiveOnlyAfterAPhysicistAndAnOncologistApprovedIt() {
        ServiceRequest active = prescription(patient, 3, 23, 69).setStatus(ServiceRequestStatus.ACTIVE);
        assertRefused(active, "is created as draft", "");

        ServiceRequest draft = parse(fhirRequest(prescription(patient, 3, 23, 69)).post("/ServiceRequest").then()
                .statusCode(201).extract().response(), ServiceRequest.class);
        String physicist = Prescriptions.practitioner("Physicist");
        String oncologist = Prescriptions.practitioner("Oncologist");

        assertActivationRefused(draft, "no physicist-approval");
        Prescriptions.approve(draft, physicist, "physicist-approval");
        assertActivationRefused(draft, "no radiation-oncologist-approval");
        Prescriptions.approve(draft, physicist, "radiation-oncologist-approval");
        assertActivationRefused(draft, "two different practitioners");
        Prescriptions.approve(draft, oncologist, "radiation-oncologist-approval");

        ServiceRequest activated = draft.copy().setStatus(ServiceRequestStatus.ACTIVE);
        fhirRequest(activated).put("/ServiceRequest/" + draft.getIdElement().getIdPart()).then().statusCode(200);
    }

    /** The two approvals sent with the activation in one transaction count for it (before, they were not seen: 422). */
    @Test
    void approvalsSentWithTheActivationInOneTransactionCount() {
        ServiceRequest draft = parse(fhirRequest(prescription(patient, 3, 23, 69)).post("/ServiceRequest").then()
                .statusCode(201).extract().response(), ServiceRequest.class);
        Bundle approveAndActivate = Fhir.creating(Bundle.BundleType.TRANSACTION, List.of(
                Prescriptions.approval(draft, Prescriptions.practitioner("Physicist"), "physicist-approval"),
                Prescriptions.approval(draft, Prescriptions.practitioner("Oncologist"), "radiation-oncologist-approval")));
        String id = draft.getIdElement().getIdPart();
        approveAndActivate.addEntry().setFullUrl("ServiceRequest/" + id).setResource(draft.copy().setStatus(ServiceRequestStatus.ACTIVE))
                .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("ServiceRequest/" + id);

        Response response = fhirRequest(approveAndActivate).post("/");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(parse(fhirRequest().get("/ServiceRequest/" + id).then().statusCode(200).extract().response(), ServiceRequest.class)
                .getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
    }

    @Test
    void anApprovalIsGivenUnderTheSignedInPractitionersOwnName() {
        ServiceRequest draft = parse(fhirRequest(prescription(patient, 3, 23, 69)).post("/ServiceRequest").then()
                .statusCode(201).extract().response(), ServiceRequest.class);
        String physicist = Prescriptions.practitioner("Physicist");
        String colleague = Prescriptions.practitioner("Colleague");
        String physicistsToken = MintedTokens.token().claims(Map.of("isotox_role", "coordinator",
                "scope", "openid fhirUser user/*.cruds", "fhirUser", "http://isotox.test/fhir/" + physicist)).sign();
        String approvals = "/Provenance?target=ServiceRequest/" + draft.getIdElement().getIdPart();

        Response forged = given().auth().oauth2(physicistsToken).contentType(Fhir.JSON).accept(Fhir.JSON)
                .body(Fhir.json(Prescriptions.approval(draft, colleague, "radiation-oncologist-approval")))
                .post("/Provenance");

        assertThat(forged.statusCode()).as(forged.asString()).isEqualTo(403);
        assertThat(outcome(forged).getIssueFirstRep().getExpression()).extracting(e -> e.getValue())
                .containsExactly("Provenance.agent[0].who");
        assertThat(outcome(forged).getIssueFirstRep().getDiagnostics()).contains(colleague, physicist);
        assertThat(count("Provenance", approvals.substring("/Provenance?".length()))).as("nothing stored").isZero();

        Response own = given().auth().oauth2(physicistsToken).contentType(Fhir.JSON).accept(Fhir.JSON)
                .body(Fhir.json(Prescriptions.approval(draft, physicist, "physicist-approval")))
                .post("/Provenance");
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(201);
    }

    private static void assertActivationRefused(ServiceRequest draft, String reason) {
        ServiceRequest activated = draft.copy().setStatus(ServiceRequestStatus.ACTIVE);
        Response response = fhirRequest(activated).put("/ServiceRequest/" + draft.getIdElement().getIdPart());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(outcome(response).getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains(reason));
    }

    private static void assertRefused(ServiceRequest prescription, String reason, String expressionPart) {
        String marker = prescription.getIdentifierFirstRep().getValue();
        Response response = fhirRequest(prescription).post("/ServiceRequest");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(outcome(response).getIssue()).anySatisfy(issue -> {
            assertThat(issue.getDiagnostics()).contains(reason);
            assertThat(issue.getExpression()).anySatisfy(e -> assertThat(e.getValue()).contains(expressionPart));
        });
        assertThat(count("ServiceRequest", "identifier=" + MARKER + "|" + marker)).as("nothing stored").isZero();
    }

    private static String enrolledPatient() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String enrolled = TrialFixtures.eligiblePatient();
        TrialFixtures.enrol(ihr, enrolled, "2026-01-05").then().statusCode(201);
        return enrolled;
    }

    private static ServiceRequest prescription(String patient, double fractionDose, int fractions, double totalDose) {
        return Prescriptions.draft(patient, fractionDose, fractions, totalDose);
    }
}
