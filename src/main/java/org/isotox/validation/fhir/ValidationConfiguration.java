package org.isotox.validation.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.beans.factory.BeanFactory;
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
    /** Not a candidate for HAPI's injections of the instance validator; a bean so that it hears {@code DefinitionsReloaded}. */
    @Bean(autowireCandidate = false)
    ReusedInstanceValidator trialInstanceValidator(
            @Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator) {
        FhirInstanceValidator configurable = (FhirInstanceValidator) instanceValidator;
        configurable.setErrorForUnknownProfiles(false);
        return ReusedInstanceValidator.configuredAs(configurable);
    }

    @Bean
    FhirValidator trialValidator(FhirContext fhirContext, BeanFactory beans) {
        FhirValidator validator = fhirContext.newValidator();
        // the instance validator checks structure and invariants already; schema and schematron would repeat it slowly
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(beans.getBean("trialInstanceValidator", ReusedInstanceValidator.class));
        return validator;
    }
}
