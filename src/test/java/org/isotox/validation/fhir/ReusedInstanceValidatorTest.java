package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pooled validator gives HAPI's verdicts, message for message, and builds few InstanceValidators. */
class ReusedInstanceValidatorTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static FhirInstanceValidator hapis;
    private static ReusedInstanceValidator reused;

    private static final String VALID = """
            {"resourceType":"Observation","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"89243-0"}]},"valueInteger":80}""";
    private static final String NO_STATUS = """
            {"resourceType":"Observation","code":{"text":"Karnofsky"}}""";
    /** obs-6: dataAbsentReason SHALL only be present if value[x] is not present. */
    private static final String VALUE_AND_ABSENT_REASON = """
            {"resourceType":"Observation","status":"final","code":{"text":"Karnofsky"},"valueInteger":80,
             "dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"}]}}""";
    private static final String UNKNOWN_PROFILE = """
            {"resourceType":"Patient","meta":{"profile":["http://example.org/StructureDefinition/nowhere"]}}""";
    private static final String EMPTY_STRING = """
            {"resourceType":"Patient","name":[{"family":""}]}""";

    @BeforeAll
    static void validators() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(R4),
                new InMemoryTerminologyServerValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4));
        hapis = new FhirInstanceValidator(chain);
        hapis.setErrorForUnknownProfiles(false);
        reused = ReusedInstanceValidator.configuredAs(hapis);
    }

    @Test
    void givesTheMessagesHapisValidatorGives() {
        for (String json : List.of(VALID, NO_STATUS, VALUE_AND_ABSENT_REASON, UNKNOWN_PROFILE, EMPTY_STRING)) {
            for (int run = 0; run < 3; run++) {
                assertThat(messages(reused, json, new ValidationOptions()))
                        .as(json)
                        .isEqualTo(messages(hapis, json, new ValidationOptions()));
            }
        }
        assertThat(messages(reused, NO_STATUS, new ValidationOptions()))
                .anyMatch(m -> m.startsWith("ERROR Observation") && m.contains("status"));
        assertThat(messages(reused, VALUE_AND_ABSENT_REASON, new ValidationOptions()))
                .anyMatch(m -> m.startsWith("ERROR") && m.contains("obs-6"));
        assertThat(messages(reused, UNKNOWN_PROFILE, new ValidationOptions()))
                .anyMatch(m -> m.startsWith("WARNING") && m.contains("http://example.org/StructureDefinition/nowhere"));
    }

    @Test
    void validatesAgainstTheProfilesAskedFor() {
        ValidationOptions vitalSigns = new ValidationOptions().addProfile("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        assertThat(messages(reused, VALID, vitalSigns)).isEqualTo(messages(hapis, VALID, vitalSigns))
                .anyMatch(m -> m.startsWith("ERROR") && m.contains("vitalsigns"));
    }

    @Test
    void retiresEachInstanceValidatorAfterItsRuns() {
        ReusedInstanceValidator fresh = ReusedInstanceValidator.configuredAs(hapis);
        for (int run = 0; run < ReusedInstanceValidator.RUNS_PER_VALIDATOR + 1; run++) {
            messages(fresh, run % 2 == 0 ? VALID : NO_STATUS, new ValidationOptions());
        }
        assertThat(fresh.validatorsBuilt()).isEqualTo(2);
    }

    private static List<String> messages(IValidatorModule module, String json, ValidationOptions options) {
        FhirValidator validator = R4.newValidator();
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(module);
        IBaseResource resource = R4.newJsonParser().parseResource(json);
        return validator.validateWithResult(resource, options).getMessages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage())
                .toList();
    }
}
