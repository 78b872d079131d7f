package org.isotox.eligibility.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.PatientRecord;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Reads what the eligibility rules need about a patient: the Patient, the Observations with the codes
 * the rules read, and every Condition (a stage summary may sit on any of them, a histology on a code
 * broader than the rule's). System reads, so that they also work inside a write transaction (the
 * enrolment guard calls this from a storage hook).
 */
@Component
class PatientRecordReader {

    private final DaoRegistry daoRegistry;
    private final RecordingTerminology terminology;

    PatientRecordReader(DaoRegistry daoRegistry, RecordingTerminology terminology) {
        this.daoRegistry = daoRegistry;
        this.terminology = terminology;
    }

    PatientRecord read(IIdType patientId, Set<Code> observationCodes) {
        SystemRequestDetails request = new SystemRequestDetails();
        Patient patient;
        try {
            patient = daoRegistry.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request);
        } catch (ResourceNotFoundException e) {
            String reference = "Patient/" + patientId.getIdPart();
            throw new ResourceNotFoundException(
                    patientId, OperationOutcomes.error(IssueType.NOTFOUND, reference + " is not known"));
        }
        String reference = patient.getIdElement().toUnqualifiedVersionless().getValue();
        return new PatientRecord(
                reference,
                BirthDates.of(patient.getBirthDateElement()),
                search(Observation.class, reference, observationCodes, request).stream()
                        .map(ObservationFacts::of)
                        .flatMap(Optional::stream)
                        .toList(),
                daoRegistry.getResourceDao(Condition.class)
                        .search(SearchParameterMap.newSynchronous("subject", new ReferenceParam(reference)), request)
                        .getAllResources().stream()
                        .map(Condition.class::cast)
                        .map(condition -> ConditionFacts.of(condition, terminology::stagesStatedBy))
                        .flatMap(Optional::stream)
                        .toList(),
                Deaths.of(patient));
    }

    private <T extends IBaseResource> List<T> search(
            Class<T> type, String patient, Set<Code> codes, SystemRequestDetails request) {
        if (codes.isEmpty()) {
            return List.of();
        }
        TokenOrListParam anyCode = new TokenOrListParam();
        codes.forEach(code -> anyCode.addOr(new TokenParam(code.system(), code.code())));
        SearchParameterMap query = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient));
        query.add("code", anyCode);
        return daoRegistry.getResourceDao(type).search(query, request).getAllResources().stream()
                .map(type::cast)
                .toList();
    }
}
