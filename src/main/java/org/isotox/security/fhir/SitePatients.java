package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.HashSet;
import java.util.Set;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.springframework.stereotype.Component;

/**
 * Which patients belong to a site: those it manages ({@code Patient.managingOrganization}) and
 * those with a ResearchSubject of the site ({@code ResearchSubject?site=}).
 */
@Component
class SitePatients {

    private static final String SUBJECT_SITE = "site";

    private final DaoRegistry daoRegistry;

    SitePatients(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The patients of the site when the request came in, worked out once per request. */
    @SuppressWarnings("unchecked")
    Set<String> atRequest(RequestDetails request, String site) {
        String key = SitePatients.class.getName() + "|" + site;
        return (Set<String>) request.getUserData().computeIfAbsent(key, k -> Set.copyOf(of(site)));
    }

    /** Every patient of the site, as {@code Patient/{id}} references. */
    Set<String> of(String site) {
        Set<String> patients = new HashSet<>();
        daoRegistry.getResourceDao(Patient.class)
                .search(SearchParameterMap.newSynchronous(Patient.SP_ORGANIZATION, new ReferenceParam(site)), new SystemRequestDetails())
                .getAllResources()
                .forEach(p -> patients.add("Patient/" + p.getIdElement().getIdPart()));
        daoRegistry.getResourceDao(ResearchSubject.class)
                .search(SearchParameterMap.newSynchronous(SUBJECT_SITE, new ReferenceParam(site)), new SystemRequestDetails())
                .getAllResources()
                .forEach(s -> patients.add(((ResearchSubject) s).getIndividual().getReference()));
        return patients;
    }

    /**
     * Whether this one patient belongs to the site, as the database has it now: read by id, so that a
     * patient created earlier in the running transaction counts.
     */
    boolean belongs(String patient, String site) {
        Patient record;
        try {
            record = daoRegistry.getResourceDao(Patient.class).read(new IdType(patient), new SystemRequestDetails());
        } catch (ResourceNotFoundException | ResourceGoneException unknown) {
            return false;
        }
        if (site.equals(record.getManagingOrganization().getReference())) {
            return true;
        }
        SearchParameterMap enrolled = SearchParameterMap.newSynchronous(ResearchSubject.SP_INDIVIDUAL, new ReferenceParam(patient))
                .add(SUBJECT_SITE, new ReferenceParam(site));
        return !daoRegistry.getResourceDao(ResearchSubject.class).search(enrolled, new SystemRequestDetails()).getAllResources().isEmpty();
    }

    /** Whether the ResearchSubject is one of the site's (or its patient is). */
    boolean subjectBelongs(String subject, String site) {
        return daoRegistry.getResourceDao(ResearchSubject.class)
                .search(SearchParameterMap.newSynchronous(ResearchSubject.SP_RES_ID, new TokenParam(subject.substring(subject.indexOf('/') + 1))),
                        new SystemRequestDetails())
                .getAllResources().stream()
                .map(ResearchSubject.class::cast)
                .anyMatch(s -> belongs(s.getIndividual().getReference(), site));
    }
}
