package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class StringContentGuardTest {

    private final StringContentGuard guard = new StringContentGuard(FhirContext.forR4Cached());

    @Test
    void refusesAControlCharacterNamingTheElement() {
        Patient patient = new Patient();
        patient.addName().setFamily("Clean");
        patient.addName().setFamily("Nul\u0000Byte");

        assertThat(expressionOfRefusal(patient)).isEqualTo("Patient.name[1].family");
    }

    @Test
    void refusesALoneSurrogateInAChoiceElement() {
        Observation observation = new Observation();
        observation.setValue(new StringType("X\uD800Y"));

        assertThat(expressionOfRefusal(observation)).isEqualTo("Observation.valueString");
    }

    @Test
    void refusesInExtensions() {
        Patient patient = new Patient();
        patient.addExtension("http://example.org/x", new StringType("\u001B[31m"));

        assertThat(expressionOfRefusal(patient)).isEqualTo("Patient.extension[0].valueString");
    }

    @Test
    void refusesInContainedResourcesAndInTheNarrative() {
        Patient contained = new Patient();
        contained.setId("p1");
        contained.addName().addGiven("Bell\u0007");
        Observation observation = new Observation();
        observation.addContained(contained);
        assertThat(expressionOfRefusal(observation)).isEqualTo("Observation.contained[0].name[0].given[0]");

        Patient narrated = new Patient();
        narrated.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Escape \u001B</div>");
        assertThat(expressionOfRefusal(narrated)).isEqualTo("Patient.text.div");
    }

    @Test
    void storesTabsNewlinesAndAnyLanguage() {
        Observation observation = new Observation();
        observation.addNote().setText("line\n\tindented\r\n张伟 Müller \uD83D\uDE00");

        assertThatNoException().isThrownBy(() -> guard.created(observation));
    }

    private String expressionOfRefusal(Resource resource) {
        UnprocessableEntityException refusal = catchThrowableOfType(UnprocessableEntityException.class, () -> guard.created(resource));
        return ((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue();
    }
}
