package org.isotox.eligibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.eligibility.domain.EligibilityReport;
import org.isotox.eligibility.domain.EligibilityRules;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * The eligibility of a patient for a study: the study's eligibility Group(s) ({@code enrollment})
 * evaluated against the patient's data in the server, as of a day. Used by
 * {@code $check-eligibility} and by the enrolment guard; works inside a write transaction.
 */
@Component
public class EligibilityService {

    private final FhirContext fhirContext;
    private final DaoRegistry daoRegistry;
    private final EligibilityGroupMapper groupMapper;
    private final PatientRecordReader recordReader;

    EligibilityService(
            FhirContext fhirContext,
            DaoRegistry daoRegistry,
            EligibilityGroupMapper groupMapper,
            PatientRecordReader recordReader) {
        this.fhirContext = fhirContext;
        this.daoRegistry = daoRegistry;
        this.groupMapper = groupMapper;
        this.recordReader = recordReader;
    }

    /**
     * Evaluates every eligibility criterion; evidence dated after {@code asOf} is ignored.
     *
     * @throws InvalidRequestException (400) when {@code patient} is not a Patient reference
     * @throws ResourceNotFoundException (404) when the patient is not on the server
     * @throws UnprocessableEntityException (422) when the study names no eligibility Group the server holds
     */
    public EligibilityReport evaluate(ResearchStudy study, Reference patient, LocalDate asOf) {
        IIdType patientId = patient.getReferenceElement();
        if (!"Patient".equals(patientId.getResourceType()) || !patientId.hasIdPart()) {
            throw new InvalidRequestException("Not a Patient reference: " + patient.getReference(), OperationOutcomes.error(
                    IssueType.INVALID, "'" + patient.getReference() + "' is not a Patient reference (Patient/[id])"));
        }
        EligibilityRules rules = groupMapper.rulesOf(eligibilityGroups(study));
        return rules.evaluate(recordReader.read(patientId, rules.observationCodes()), asOf);
    }

    private List<Group> eligibilityGroups(ResearchStudy study) {
        if (!study.hasEnrollment()) {
            throw unprocessable(study, "names no eligibility Group (ResearchStudy.enrollment)");
        }
        return study.getEnrollment().stream().map(enrollment -> group(study, enrollment)).toList();
    }

    private Group group(ResearchStudy study, Reference enrollment) {
        if (enrollment.getResource() instanceof Group contained) {
            return contained;
        }
        try {
            return daoRegistry.getResourceDao(Group.class)
                    .read(new IdType(enrollment.getReference()).toUnqualifiedVersionless(), new SystemRequestDetails());
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            throw unprocessable(
                    study, "names eligibility Group " + enrollment.getReference() + ", which the server does not hold");
        }
    }

    private UnprocessableEntityException unprocessable(ResearchStudy study, String problem) {
        String message = "ResearchStudy/" + study.getIdElement().getIdPart() + " " + problem;
        return new UnprocessableEntityException(
                fhirContext, OperationOutcomes.error(IssueType.PROCESSING, message, "ResearchStudy.enrollment"));
    }
}
