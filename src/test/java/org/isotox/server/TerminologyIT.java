package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped terminology answers $expand and $validate-code. */
@FhirServerTest
class TerminologyIT {

    private static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    @Test
    void ctcaeGradesExpandToGradesZeroToFive() {
        assertThat(expand("ctcae-grades").getExpansion().getContains())
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactly("C75533", "C41338", "C41339", "C41340", "C41337", "C48275");
    }

    @Test
    void trialStructuresExpandToTheirTg263Names() {
        assertThat(expand("tg263-structures").getExpansion().getContains())
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .contains("SpinalCord", "Lungs-GTV", "Esophagus", "Heart", "PTV");
    }

    @Test
    void valueSetDrawingOnAStoredCodeSystemExpands() {
        // stage-iii-groups includes codes of the complete tnm-stage-group CodeSystem stored in the server
        assertThat(expand("stage-iii-groups").getExpansion().getContains())
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactlyInAnyOrder("III", "IIIA", "IIIB", "IIIC",
                        "1222801008", "1222802001", "1222805004", "1222806003", "3A", "3B", "3C");
    }

    @ParameterizedTest
    @CsvSource({
        "ctcae-grades,   " + NCIT + ",                              C41340,  true",
        "ctcae-grades,   " + NCIT + ",                              C41341,  false",
        "ctcae-terms,    " + NCIT + ",                              C143767, true",
        "ctcae-terms,    " + NCIT + ",                              C41340,  false",
        "recist-response, https://isotox.org/fhir/CodeSystem/recist-response, PR, true",
        "recist-response, https://isotox.org/fhir/CodeSystem/recist-response, MR, false",
        "eortc-qlq-scales, https://isotox.org/fhir/CodeSystem/eortc-qlq-scale, LCDY, true",
        "stage-iii-groups, http://snomed.info/sct,                  1222806003, true",
    })
    void validateCodeAnswersMembership(String valueSet, String system, String code, boolean member) {
        Parameters result = parse(
                fhirRequest()
                        .queryParam("url", "https://isotox.org/fhir/ValueSet/" + valueSet)
                        .queryParam("system", system)
                        .queryParam("code", code)
                        .get("/ValueSet/$validate-code")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response(),
                Parameters.class);

        assertThat(((org.hl7.fhir.r4.model.BooleanType) result.getParameterValue("result")).booleanValue())
                .isEqualTo(member);
    }

    private static ValueSet expand(String id) {
        return parse(
                fhirRequest()
                        .get("/ValueSet/$expand?url=https://isotox.org/fhir/ValueSet/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response(),
                ValueSet.class);
    }
}
