package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.registry.fhir.RegistrationTree.Difference;

/**
 * A study's registration as {@code $ctgov-export} gives it: its FHIR elements with the registration's
 * other fields laid in, and the fields on which these and the registration as last imported disagree
 * (FHIR's value is the one exported).
 */
record ExportedRegistration(JsonNode protocolSection, List<Difference> conflicts) {

    static ExportedRegistration of(ResearchStudy study, List<StudySites.Site> sites) {
        JsonNode rest = KeptRegistration.rest(study).orElse(null);
        // the study's title is the official one when the registration has a brief title beside it
        boolean officialTitle = rest != null && rest.path("identificationModule").hasNonNull("briefTitle");
        JsonNode held = StudyRegistration.withRegisteredStatus(StudyRegistration.held(study, sites, officialTitle), rest);
        JsonNode exported = RegistrationTree.overlay(held, rest);
        List<Difference> conflicts = KeptRegistration.heldAtImport(study)
                .map(atImport -> RegistrationTree.differences(exported,
                        RegistrationTree.overlay(StudyRegistration.withRegisteredStatus(atImport, rest), rest)))
                .orElse(List.of());
        return new ExportedRegistration(RegistrationTree.plain(exported), conflicts);
    }
}
