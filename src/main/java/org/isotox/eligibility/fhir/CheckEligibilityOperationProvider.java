package org.isotox.eligibility.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.springframework.stereotype.Component;

/**
 * {@code GET [base]/ResearchStudy/{id}/$check-eligibility?patient=Patient/{id}}: the study's
 * eligibility criteria evaluated against the patient's data in the server.
 *
 * <p>Beyond the contract in ARCHITECTURE.md: an optional {@code date} input (the assessment day,
 * default today: evidence dated after it is ignored and ages and look-backs count from it), and a
 * {@code reason} part in each {@code criterion} (one sentence a clinician can read).
 */
@Component
public class CheckEligibilityOperationProvider implements OperationProvider {

    private final DaoRegistry daoRegistry;
    private final EligibilityService eligibility;

    CheckEligibilityOperationProvider(DaoRegistry daoRegistry, EligibilityService eligibility) {
        this.daoRegistry = daoRegistry;
        this.eligibility = eligibility;
    }

    @Operation(
            name = "$check-eligibility",
            idempotent = true,
            type = ResearchStudy.class,
            returnParameters = {
                @OperationParam(name = "eligible", type = BooleanType.class, min = 1, max = 1),
                @OperationParam(name = "criterion", min = 0, max = OperationParam.MAX_UNLIMITED)
            })
    @Description(shortDefinition = "Checks a patient against the study's eligibility criteria:"
            + " met, not-met or unknown per criterion, with the evidence used")
    public Parameters checkEligibility(
            @IdParam IdType studyId,
            @Description(shortDefinition = "The patient to check (Patient/[id])")
                    @OperationParam(name = "patient", min = 0, max = 1) Reference patient,
            @Description(shortDefinition = "The assessment day (default today); evidence after it is ignored")
                    @OperationParam(name = "date", min = 0, max = 1) DateType date,
            RequestDetails request) {
        if (patient == null || !patient.hasReference()) {
            throw new InvalidRequestException("Parameter 'patient' is required", OperationOutcomes.error(
                    IssueType.REQUIRED, "The parameter 'patient' (a Patient reference) is required", "patient"));
        }
        return EligibilityParameters.of(eligibility.evaluate(
                study(studyId, request), patient, OperationParameters.day("date", date).orElseGet(LocalDate::now)));
    }

    private ResearchStudy study(IdType studyId, RequestDetails request) {
        try {
            return daoRegistry.getResourceDao(ResearchStudy.class).read(studyId.toUnqualifiedVersionless(), request);
        } catch (ResourceNotFoundException e) {
            throw new ResourceNotFoundException(studyId, OperationOutcomes.error(
                    IssueType.NOTFOUND, "ResearchStudy/" + studyId.getIdPart() + " is not known"));
        }
    }
}
