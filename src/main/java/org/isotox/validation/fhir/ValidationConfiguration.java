package org.isotox.validation.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    /**
     * The validator of writes: HAPI's own instance validator, the one {@code $validate} uses,
     * with its settings, so both give the same verdict; writes run it on pooled InstanceValidators
     * ({@link ReusedInstanceValidator}). Profiles from elsewhere that a resource declares (mCODE, US Core)
     * are not known here; they are reported, not counted as errors.
     */
    @Bean
    FhirValidator trialValidator(
            FhirContext fhirContext, @Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator) {
        IInstanceValidatorModule module = instanceValidator;
        if (instanceValidator instanceof FhirInstanceValidator configurable) {
            configurable.setErrorForUnknownProfiles(false);
            module = ReusedInstanceValidator.configuredAs(configurable);
        }
        FhirValidator validator = fhirContext.newValidator();
        // the instance validator checks structure and invariants already; schema and schematron would repeat it slowly
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(module);
        return validator;
    }
}
