package org.isotox.validation.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.DerivedWrites;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Validation on write against the trial profiles and terminology. A resource is validated against
 * the trial profiles it declares and, when it belongs to a trial, against the trial profiles its
 * type and code select. A failure is a 422 whose issues name the offending elements; nothing is
 * stored. A resource that passes a selected profile is stored declaring it. What the server derives
 * itself ({@link DerivedWrites}) is stored declaring its profiles without being validated again.
 */
@Component
@Interceptor
class ProfileValidationInterceptor {

    private final FhirContext fhirContext;
    private final FhirValidator validator;
    private final TrialProfiles profiles;
    private final StudyCompartment compartment;

    ProfileValidationInterceptor(
            FhirContext fhirContext, FhirValidator trialValidator, TrialProfiles profiles, StudyCompartment compartment) {
        this.fhirContext = fhirContext;
        this.validator = trialValidator;
        this.profiles = profiles;
        this.compartment = compartment;
    }

    /** Runs before the business-rule hooks: a resource that is not well formed never reaches them. */
    static final int ORDER = -200;

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
    void beforeCreate(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        check((Resource) resource, DerivedWrites.isDerived(request), transaction);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
    void beforeUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request, TransactionDetails transaction) {
        check((Resource) updated, DerivedWrites.isDerived(request), transaction);
    }

    private void check(Resource resource, boolean derivedByTheServer, TransactionDetails transaction) {
        Set<String> applicable = new LinkedHashSet<>(profiles.declaredBy(resource));
        Set<String> selected = profiles.selectedFor(resource, child(resource, "code", CodeableConcept.class));
        selected.removeAll(applicable);
        if (!selected.isEmpty()
                && compartment.contains(resource, child(resource, "subject", Reference.class).orElse(null), transaction)) {
            applicable.addAll(selected);
        } else {
            selected.clear();
        }
        if (applicable.isEmpty()) {
            return;
        }
        if (derivedByTheServer) {
            selected.forEach(resource.getMeta()::addProfile);
            return;
        }
        ValidationOptions options = new ValidationOptions();
        applicable.forEach(options::addProfile);
        List<SingleValidationMessage> errors = validator.validateWithResult(resource, options).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(fhirContext, outcome(resource, applicable, errors));
        }
        selected.forEach(resource.getMeta()::addProfile);
    }

    /** The value of a top-level element, if the resource type has it and it holds a {@code type}. */
    private <T extends IBase> Optional<T> child(Resource resource, String name, Class<T> type) {
        BaseRuntimeChildDefinition child = fhirContext.getResourceDefinition(resource).getChildByName(name);
        if (child == null) {
            return Optional.empty();
        }
        return child.getAccessor().getFirstValueOrNull(resource).filter(type::isInstance).map(type::cast);
    }

    private static OperationOutcome outcome(Resource resource, Set<String> profiles, List<SingleValidationMessage> errors) {
        OperationOutcome outcome = new OperationOutcome();
        for (SingleValidationMessage error : errors) {
            String where = error.getLocationString() == null ? resource.fhirType() : error.getLocationString();
            OperationOutcomes.addError(outcome, IssueType.INVALID, error.getMessage(), where)
                    .addLocation(where);
        }
        outcome.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
        outcome.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + resource.fhirType()
                + " does not conform to " + String.join(", ", profiles) + "</div>");
        return outcome;
    }
}
