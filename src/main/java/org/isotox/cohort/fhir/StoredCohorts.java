package org.isotox.cohort.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchStudy;

/** What the start-up loaders of synthetic subjects look up: their study, and whether a subject is already written. */
final class StoredCohorts {

    private StoredCohorts() {}

    /** The study with this identifier ({@code system|value}); the study definitions are loaded before. */
    static ResearchStudy study(DaoRegistry daoRegistry, String studyIdentifier) {
        String[] identifier = studyIdentifier.split("\\|", 2);
        SearchParameterMap query = SearchParameterMap.newSynchronous(
                ResearchStudy.SP_IDENTIFIER, new TokenParam(identifier[0], identifier[1]));
        return daoRegistry.getResourceDao(ResearchStudy.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(ResearchStudy.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The study " + studyIdentifier + " is not loaded"));
    }

    /** Whether the synthetic subject with this id has been written. */
    static boolean written(DaoRegistry daoRegistry, String patientId) {
        SearchParameterMap query = SearchParameterMap.newSynchronous(
                Patient.SP_IDENTIFIER, new TokenParam(SubjectBundles.SYNTHETIC_PATIENT, patientId));
        return !daoRegistry.getResourceDao(Patient.class).search(query, new SystemRequestDetails()).isEmpty();
    }
}
