package org.isotox.validation.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Whether a resource belongs to a trial: a ResearchSubject of a study that conforms to a trial
 * study profile, or a resource about a patient who is such a subject.
 */
@Component
public class StudyCompartment {

    private final DaoRegistry daoRegistry;
    private final TrialProfiles profiles;

    StudyCompartment(DaoRegistry daoRegistry, TrialProfiles profiles) {
        this.daoRegistry = daoRegistry;
        this.profiles = profiles;
    }

    /** Whether {@code resource} belongs to a trial; {@code subject} is the patient it is about, if any. */
    public boolean contains(Resource resource, Reference subject) {
        if (resource instanceof ResearchSubject researchSubject) {
            return isTrialStudy(researchSubject.getStudy());
        }
        return subject != null && "Patient".equals(subject.getReferenceElement().getResourceType())
                && isTrialSubject(subject.getReferenceElement());
    }

    private boolean isTrialSubject(org.hl7.fhir.instance.model.api.IIdType patient) {
        IFhirResourceDao<ResearchSubject> dao = daoRegistry.getResourceDao(ResearchSubject.class);
        SearchParameterMap byPatient = SearchParameterMap.newSynchronous(
                ResearchSubject.SP_INDIVIDUAL, new ReferenceParam("Patient/" + patient.getIdPart()));
        IBundleProvider enrolments = dao.search(byPatient, new SystemRequestDetails());
        for (IBaseResource found : enrolments.getAllResources()) {
            if (isTrialStudy(((ResearchSubject) found).getStudy())) {
                return true;
            }
        }
        return false;
    }

    private boolean isTrialStudy(Reference study) {
        IdType id = new IdType(study.getReference());
        if (!"ResearchStudy".equals(id.getResourceType()) || id.getIdPart() == null) {
            return false;
        }
        try {
            ResearchStudy found = daoRegistry.getResourceDao(ResearchStudy.class)
                    .read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
            Set<String> studyProfiles = profiles.profilesOf("ResearchStudy");
            return found.getMeta().getProfile().stream()
                    .anyMatch(p -> studyProfiles.contains(p.getValue().split("\\|")[0]));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return false;
        }
    }
}
