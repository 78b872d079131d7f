package org.isotox.dose.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The isotoxic rules of a study, from its protocol PlanDefinition; and the server's default study. */
@Component
class StudyDoseRules {

    private final FhirContext fhirContext;
    private final DaoRegistry daoRegistry;
    private final TrialStudies studies;
    private final IsotoxicRulesReader reader;
    private final String defaultStudyIdentifier;

    StudyDoseRules(
            FhirContext fhirContext,
            DaoRegistry daoRegistry,
            TrialStudies studies,
            IsotoxicRulesReader reader,
            @Value("${isotox.default-study}") String defaultStudyIdentifier) {
        this.fhirContext = fhirContext;
        this.daoRegistry = daoRegistry;
        this.studies = studies;
        this.reader = reader;
        this.defaultStudyIdentifier = defaultStudyIdentifier;
    }

    /** The rules of the study a reference points at; 422 when it is not a study with isotoxic rules. */
    IsotoxicRules of(String studyReference) {
        ResearchStudy study = studies.read(studyReference)
                .orElseThrow(() -> refused("No ResearchStudy " + studyReference + " on this server", "study"));
        return of(study);
    }

    IsotoxicRules of(ResearchStudy study) {
        for (PlanDefinition plan : studies.protocols(study)) {
            var rules = reader.read(plan);
            if (rules.isPresent()) {
                return rules.get();
            }
        }
        throw refused("ResearchStudy/" + study.getIdElement().getIdPart()
                + " has no protocol PlanDefinition with isotoxic rules", "study");
    }

    /** The rules of the server's default study (configuration {@code isotox.default-study}: system|value). */
    IsotoxicRules ofDefaultStudy() {
        String[] identifier = defaultStudyIdentifier.split("\\|", 2);
        SearchParameterMap query = SearchParameterMap.newSynchronous(
                ResearchStudy.SP_IDENTIFIER, new TokenParam(identifier[0], identifier[1]));
        return daoRegistry.getResourceDao(ResearchStudy.class).search(query, new SystemRequestDetails())
                .getAllResources().stream()
                .findFirst()
                .map(found -> of((ResearchStudy) found))
                .orElseThrow(() -> refused("The default study " + defaultStudyIdentifier + " is not loaded", "study"));
    }

    private UnprocessableEntityException refused(String message, String expression) {
        return new UnprocessableEntityException(fhirContext, OperationOutcomes.error(IssueType.NOTFOUND, message, expression));
    }
}
