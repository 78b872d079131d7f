package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.isotox.fhir.Canonicals;
import org.springframework.stereotype.Component;

/**
 * Whether a course summary is {@code basedOn} its patient's trial prescription: a ServiceRequest of the same
 * patient stored declaring {@code isotox-radiotherapy-prescription}, which the server stamps on a prescription it
 * validated for a trial subject (a prescription written before the patient entered a trial does not carry it).
 * Such a course is the trial's even when its first fraction is dated before enrolment.
 */
@Component
public class TrialPrescriptionBasis {

    static final String PROFILE = Canonicals.structureDefinition("isotox-radiotherapy-prescription");

    private final DaoRegistry daoRegistry;

    TrialPrescriptionBasis(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    public boolean of(Procedure course) {
        String patient = course.getSubject().getReference();
        return patient != null && course.getBasedOn().stream()
                .map(Reference::getReferenceElement)
                .filter(id -> "ServiceRequest".equals(id.getResourceType()) && id.hasIdPart())
                .map(this::read)
                .flatMap(Optional::stream)
                .anyMatch(prescription -> patient.equals(prescription.getSubject().getReference())
                        && prescription.getMeta().hasProfile(PROFILE));
    }

    private Optional<ServiceRequest> read(IIdType id) {
        try {
            return Optional.of(daoRegistry.getResourceDao(ServiceRequest.class)
                    .read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException gone) {
            return Optional.empty();
        }
    }
}
