package org.isotox.study.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.springframework.stereotype.Component;

/** Reads the study a reference points at, and locks it for a decision about its subjects. */
@Component
public class TrialStudies {

    private final DaoRegistry daoRegistry;
    private final StudyLock lock;

    TrialStudies(DaoRegistry daoRegistry, StudyLock lock) {
        this.daoRegistry = daoRegistry;
        this.lock = lock;
    }

    /** The studies open to accrual. */
    public List<ResearchStudy> active() {
        SearchParameterMap query = SearchParameterMap.newSynchronous(ResearchStudy.SP_STATUS, new TokenParam("active"));
        return daoRegistry.getResourceDao(ResearchStudy.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(ResearchStudy.class::cast)
                .toList();
    }

    /** The study, if the reference points at an existing ResearchStudy. */
    public Optional<ResearchStudy> read(String reference) {
        IdType id = new IdType(reference);
        if (!"ResearchStudy".equals(id.getResourceType()) || !id.hasIdPart()) {
            return Optional.empty();
        }
        try {
            return Optional.of(daoRegistry.getResourceDao(ResearchStudy.class)
                    .read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }

    /** The study's protocol PlanDefinitions that the server holds, in the study's order. */
    public List<PlanDefinition> protocols(ResearchStudy study) {
        return study.getProtocol().stream()
                .map(protocol -> {
                    try {
                        return Optional.of(daoRegistry.getResourceDao(PlanDefinition.class).read(
                                new IdType(protocol.getReference()).toUnqualifiedVersionless(), new SystemRequestDetails()));
                    } catch (ResourceNotFoundException | ResourceGoneException e) {
                        return Optional.<PlanDefinition>empty(); // a protocol the server does not hold has no rules to offer
                    }
                })
                .flatMap(Optional::stream)
                .toList();
    }

    /** The ResearchSubject with this logical id, if the server holds it. */
    public Optional<ResearchSubject> subject(String id) {
        try {
            return Optional.of(daoRegistry.getResourceDao(ResearchSubject.class)
                    .read(new IdType("ResearchSubject", id), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }

    /** Locks the study until the transaction ends and reads it again, as committed by whoever held the lock before. */
    public ResearchStudy lockAndRead(ResearchStudy study) {
        String id = study.getIdElement().getIdPart();
        lock.lock(id);
        return read("ResearchStudy/" + id).orElseThrow();
    }
}
