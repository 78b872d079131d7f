package org.isotox.validation.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.isotox.fhir.DefinitionsReloaded;
import org.springframework.context.event.EventListener;

/**
 * HAPI's instance validator, configured as HAPI's, but running each validation on an
 * {@link InstanceValidator} taken from a small pool instead of a new one. Building an
 * InstanceValidator parses the 21 000-row OID registry of the FHIR core library (1.5 MB of CSV);
 * done for every resource written, that was a fifth of the server's CPU under ingest. An
 * InstanceValidator resets its per-run state (fetch cache, resource trackers, tracked messages)
 * at the start of every run, so sequential runs on one instance give the same verdicts; it keeps
 * a little per-run memory (narrative id maps), so each is retired after {@link #RUNS_PER_VALIDATOR}
 * runs and at most {@link #IDLE_VALIDATORS} wait idle.
 */
final class ReusedInstanceValidator extends FhirInstanceValidator {

    static final int RUNS_PER_VALIDATOR = 200;
    static final int IDLE_VALIDATORS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ConcurrentLinkedDeque<PooledValidator> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger built = new AtomicInteger();

    private ReusedInstanceValidator(FhirInstanceValidator configuration) {
        super(configuration.getValidationSupport());
        setWrappedWorkerContext(configuration.getValidationSupport(), configuration.getWorkerContext());
        setValidatorResourceFetcher(configuration.getValidatorResourceFetcher());
        setValidatorPolicyAdvisor(configuration.getValidatorPolicyAdvisor());
        if (configuration.getBestPracticeWarningLevel() != null) {
            setBestPracticeWarningLevel(configuration.getBestPracticeWarningLevel());
        }
        setAnyExtensionsAllowed(configuration.isAnyExtensionsAllowed());
        setErrorForUnknownProfiles(configuration.isErrorForUnknownProfiles());
        setNoTerminologyChecks(configuration.isNoTerminologyChecks());
        setNoExtensibleWarnings(configuration.isNoExtensibleWarnings());
        setNoBindingMsgSuppressed(configuration.isNoBindingMsgSuppressed());
        setCustomExtensionDomains(configuration.getExtensionDomains());
        setAssumeValidRestReferences(configuration.isAssumeValidRestReferences());
        setAllowExamples(configuration.isAllowExamples());
        setHostApplicationServices(configuration.getHostApplicationServices());
    }

    /** A validator giving the verdicts {@code configuration} gives, settings copied now. */
    static ReusedInstanceValidator configuredAs(FhirInstanceValidator configuration) {
        return new ReusedInstanceValidator(configuration);
    }

    /**
     * A pooled InstanceValidator keeps what it resolved from the definitions it was built over; after
     * they are reloaded it stops checking the constraints of extensions, so the pool starts afresh.
     */
    @Override
    public void invalidateCaches() {
        idle.clear();
        super.invalidateCaches();
    }

    @EventListener(DefinitionsReloaded.class)
    void definitionsReloaded() {
        invalidateCaches();
    }

    /** How many InstanceValidators were built so far: the cost this class exists to bound. */
    int validatorsBuilt() {
        return built.get();
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext worker = provideWorkerContext();
        PooledValidator pooled = borrow(worker);
        try {
            return validate(worker, pooled.validator, context);
        } finally {
            giveBack(pooled);
        }
    }

    private List<ValidationMessage> validate(
            IWorkerContext worker, InstanceValidator validator, IValidationContext<?> context) {
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        for (String url : profileUrls(context)) {
            StructureDefinition profile = worker.fetchResource(StructureDefinition.class, url);
            if (profile != null) {
                profiles.add(profile);
            } else {
                unknownProfiles.add(unknownProfile(url));
            }
        }
        List<ValidationMessage> messages = new ArrayList<>();
        FhirFormat format = context.getResourceAsStringEncoding() == EncodingEnum.XML ? FhirFormat.XML : FhirFormat.JSON;
        byte[] content = context.getResourceAsString().getBytes(StandardCharsets.UTF_8);
        validator.validate(
                context.getOptions().getAppContext(), messages, new ByteArrayInputStream(content), format, profiles);
        if (profiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        messages.stream().filter(ReusedInstanceValidator::isUnknownProfile).forEach(m -> m.setLevel(unknownProfileLevel()));
        return messages.stream().filter(ReusedInstanceValidator::isReported).toList();
    }

    private IssueSeverity unknownProfileLevel() {
        return isErrorForUnknownProfiles() ? IssueSeverity.ERROR : IssueSeverity.WARNING;
    }

    private static boolean isUnknownProfile(ValidationMessage message) {
        return I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
                || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId());
    }

    /** The profiles asked for and those the resource declares, as HAPI's validator takes them. */
    private static Set<String> profileUrls(IValidationContext<?> context) {
        Set<String> urls = new LinkedHashSet<>(context.getOptions().getProfiles());
        Object resource = context.getResource();
        if (resource instanceof IBaseResource declaring) {
            declaring.getMeta().getProfile().stream().map(IPrimitiveType::getValueAsString).forEach(urls::add);
        }
        return urls;
    }

    private ValidationMessage unknownProfile(String url) {
        ValidationMessage message = new ValidationMessage();
        message.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
        message.setLevel(unknownProfileLevel());
        message.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
        return message;
    }

    /** HAPI drops these two: a binding without a value set source, and the unloadable mime-type value set. */
    private static boolean isReported(ValidationMessage message) {
        String id = message.getMessageId();
        return id == null
                || !(id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                        || (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                                && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
    }

    private PooledValidator borrow(IWorkerContext worker) {
        PooledValidator pooled = idle.pollFirst();
        return pooled != null ? pooled : new PooledValidator(build(worker));
    }

    private void giveBack(PooledValidator pooled) {
        if (++pooled.runs < RUNS_PER_VALIDATOR && idle.size() < IDLE_VALIDATORS) {
            idle.offerFirst(pooled);
        }
    }

    private InstanceValidator build(IWorkerContext worker) {
        built.incrementAndGet();
        InstanceValidator validator;
        try {
            validator = new InstanceValidator(
                    worker,
                    getHostApplicationServices() != null ? getHostApplicationServices() : new NullEvaluationContext(),
                    new XVerExtensionManagerOld(worker),
                    new ValidatorSession(),
                    new ValidatorSettings());
        } catch (Exception e) {
            throw new IllegalStateException("The FHIR instance validator could not be built: " + e.getMessage(), e);
        }
        validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
        validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        validator.setResourceIdRule(IdStatus.OPTIONAL);
        validator.setNoTerminologyChecks(isNoTerminologyChecks());
        validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        // HAPI keeps this fixed: its unknown-code-system support decides the severity instead
        validator.setUnknownCodeSystemsCauseErrors(true);
        validator.getExtensionDomains().addAll(getExtensionDomains());
        validator.setFetcher(getValidatorResourceFetcher());
        validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
        validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
        validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        validator.setAllowExamples(isAllowExamples());
        validator.setAllowXsiLocation(true);
        return validator;
    }

    private static final class PooledValidator {
        private final InstanceValidator validator;
        private int runs;

        private PooledValidator(InstanceValidator validator) {
            this.validator = validator;
        }
    }
}
