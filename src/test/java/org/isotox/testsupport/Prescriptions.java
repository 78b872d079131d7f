package org.isotox.testsupport;

import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/** Radiotherapy prescriptions as a site writes them: a draft, two approvals (Provenance), activation, revocation. */
public final class Prescriptions {

    public static final String MARKER = "urn:isotox:test:prescription";
    public static final String REQUEST_STATUS_REASON = "http://hl7.org/fhir/StructureDefinition/request-statusReason";

    private Prescriptions() {}

    /** A draft prescription of {@code fractions} fractions of {@code fractionDose} Gy to the PTV. */
    public static ServiceRequest draft(String patient, double fractionDose, int fractions, double totalDose) {
        ServiceRequest prescription = new ServiceRequest()
                .setStatus(ServiceRequestStatus.DRAFT)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORIGINALORDER)
                .setSubject(new Reference(patient))
                .setAuthoredOnElement(new DateTimeType("2026-01-12"));
        prescription.addIdentifier().setSystem(MARKER).setValue(UUID.randomUUID().toString());
        prescription.addCategory().addCoding(new Coding("http://snomed.info/sct", "1287742003", "Radiotherapy (procedure)"));
        prescription.getCode().addCoding(new Coding("http://snomed.info/sct", "1222565005", "Radiotherapy treatment phase (regime/therapy)"));
        Extension dose = prescription.addExtension().setUrl(IhrStudy.PROFILE_BASE + "dose-prescribed-to-volume");
        dose.addExtension("volume", new CodeableConcept().addCoding(new Coding(Dvhs.TG263, "PTV", null)));
        dose.addExtension("fractionDose", Dvhs.gray(fractionDose));
        dose.addExtension("totalDose", Dvhs.gray(totalDose));
        dose.addExtension("fractions", new PositiveIntType(fractions));
        return prescription;
    }

    /** Records {@code practitioner}'s approval of this version of the prescription in {@code role}. */
    public static void approve(ServiceRequest prescription, String practitioner, String role) {
        create(approval(prescription, practitioner, role));
    }

    /** {@code practitioner}'s approval of this version of the prescription in {@code role}, not yet stored. */
    public static Provenance approval(ServiceRequest prescription, String practitioner, String role) {
        Provenance approval = new Provenance();
        approval.addTarget(new Reference("ServiceRequest/" + prescription.getIdElement().getIdPart() + "/_history/"
                + prescription.getMeta().getVersionId()));
        approval.setRecorded(new java.util.Date());
        approval.addAgent()
                .setWho(new Reference(practitioner))
                .addRole(new CodeableConcept().addCoding(new Coding("https://isotox.org/fhir/CodeSystem/isotox", role, null)));
        return approval;
    }

    /** A new practitioner; returns {@code Practitioner/id}. */
    public static String practitioner(String family) {
        return "Practitioner/" + create(new Practitioner().addName(new HumanName().setFamily(family)));
    }

    /** The 3 Gy prescription of {@code fractions} fractions, written as draft, approved by a physicist and an oncologist, and activated. */
    public static ServiceRequest active(String patient, int fractions) {
        ServiceRequest draft = parse(fhirRequest(draft(patient, 3, fractions, 3.0 * fractions)).post("/ServiceRequest").then()
                .statusCode(201).extract().response(), ServiceRequest.class);
        approve(draft, practitioner("Physicist"), "physicist-approval");
        approve(draft, practitioner("Oncologist"), "radiation-oncologist-approval");
        return parse(fhirRequest(draft.copy().setStatus(ServiceRequestStatus.ACTIVE))
                .put("/ServiceRequest/" + draft.getIdElement().getIdPart()).then().statusCode(200).extract().response(),
                ServiceRequest.class);
    }

    /** Revokes the prescription, naming {@code reason} in the R4 request-statusReason extension. */
    public static void revoke(ServiceRequest prescription, Coding reason) {
        ServiceRequest revoked = prescription.copy().setStatus(ServiceRequestStatus.REVOKED);
        revoked.addExtension(REQUEST_STATUS_REASON, new CodeableConcept().addCoding(reason));
        revoked.addNote().setText("Radiotherapy stopped for good");
        fhirRequest(revoked).put("/ServiceRequest/" + prescription.getIdElement().getIdPart()).then().statusCode(200);
    }
}
