package org.isotox.validation.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.TransactionBundle;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * Whether a resource belongs to a trial: a ResearchSubject of a study that conforms to a trial
 * study profile, or a resource about a patient who is such a subject.
 */
@Component
public class StudyCompartment {

    private static final String TRIAL_SUBJECTS = StudyCompartment.class.getName() + ".trialSubjects";

    private final DaoRegistry daoRegistry;
    private final TrialProfiles profiles;
    private final TrialStudies studies;

    StudyCompartment(DaoRegistry daoRegistry, TrialProfiles profiles, TrialStudies studies) {
        this.daoRegistry = daoRegistry;
        this.profiles = profiles;
        this.studies = studies;
    }

    /**
     * Whether {@code resource}, written in {@code transaction}, belongs to a trial; {@code subject} is the patient
     * it is about, if any. While a FHIR transaction bundle's entries are being written,
     * none of them is visible to a search yet, so whether a patient is a trial subject cannot change: it is
     * asked once per patient for all of them, not once per entry.
     */
    public boolean contains(Resource resource, Reference subject, TransactionDetails transaction) {
        if (resource instanceof ResearchSubject researchSubject) {
            return isTrialStudy(researchSubject.getStudy());
        }
        if (subject == null || !"Patient".equals(subject.getReferenceElement().getResourceType())) {
            return false;
        }
        IIdType patient = subject.getReferenceElement();
        if (!TransactionBundle.entriesBeingWritten(transaction)) {
            return isTrialSubject(patient);
        }
        Map<String, Boolean> trialSubjects = transaction.getOrCreateUserData(TRIAL_SUBJECTS, HashMap::new);
        return trialSubjects.computeIfAbsent(patient.getIdPart(), id -> isTrialSubject(patient));
    }

    private boolean isTrialSubject(IIdType patient) {
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
        Set<String> studyProfiles = profiles.profilesOf("ResearchStudy");
        return studies.read(study.getReference())
                .map(found -> found.getMeta().getProfile().stream()
                        .anyMatch(p -> studyProfiles.contains(p.getValue().split("\\|")[0])))
                .orElse(false);
    }
}
