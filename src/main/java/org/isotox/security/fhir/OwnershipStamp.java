package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.OwnershipPolicy;
import org.isotox.security.domain.OwnershipRule;
import org.isotox.security.domain.Write;
import org.isotox.security.domain.WriteVerdict;
import org.isotox.security.domain.Writer;
import org.springframework.stereotype.Component;

/**
 * Stamps every resource the server stores with its owner, or refuses the write, as
 * {@link OwnershipPolicy} decides from the writer and what the resource says and refers to. A storage
 * hook: REST writes, transaction and batch entries, conditional and patch writes, and the server's own
 * writes all pass here.
 */
@Component
@Interceptor
class OwnershipStamp {

    static final String RULE_SYSTEM = "https://isotox.org/fhir/CodeSystem/ownership-rule";
    /** Before every other storage hook (profile validation runs at -200): a write the writer may not make is refused before anything is judged or derived from it. */
    static final int FIRST = -1000;

    private final FhirContext fhirContext;
    private final RequestWriters writers;
    private final StoredOwners storedOwners;
    private final WriteFacts facts;
    private final PatientPlacement placement;

    OwnershipStamp(FhirContext fhirContext, RequestWriters writers, StoredOwners storedOwners, WriteFacts facts, PatientPlacement placement) {
        this.fhirContext = fhirContext;
        this.writers = writers;
        this.storedOwners = storedOwners;
        this.facts = facts;
        this.placement = placement;
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = FIRST)
    public void created(IBaseResource resource, RequestDetails request) {
        stamp(resource, Optional.empty(), request);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = FIRST)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        stamp(resource, Optional.of(storedOwner(previous, request)), request);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = FIRST)
    public void deleted(IBaseResource resource, RequestDetails request) {
        Writer writer = writers.of(request);
        Write deletion = new Write(type(resource), Optional.of(storedOwner(resource, request)), Optional.empty(), Set.of(),
                Optional.empty(), DefinitionTypes.contains(type(resource)));
        if (OwnershipPolicy.decide(writer, deletion) instanceof WriteVerdict.Refused refused) {
            throw refusal(refused.rule(), resource, request, "delete");
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void createdWithId(IBaseResource resource, RequestDetails request) {
        OwnershipLabels.of(resource).ifPresent(owner -> storedOwners.remember(resource, owner, request));
    }

    private void stamp(IBaseResource resource, Optional<Owner> stored, RequestDetails request) {
        if (Relabelling.isRelabelling(request)) {
            return;
        }
        Writer writer = writers.of(request);
        Write write = facts.of(resource, stored, target -> storedOwners.of(target, request));
        WriteVerdict verdict = OwnershipPolicy.decide(writer, write);
        if (verdict instanceof WriteVerdict.Refused refused) {
            throw refusal(refused.rule(), resource, request, "write");
        }
        WriteVerdict.Stamp stamp = (WriteVerdict.Stamp) verdict;
        OwnershipLabels.stamp(resource, stamp.owner());
        storedOwners.remember(resource, stamp.owner(), request);
        if (stamp.places() && resource instanceof ResearchSubject subject && subject.getIndividual().hasReference()) {
            placement.move(new IdType(subject.getIndividual().getReference()).toUnqualifiedVersionless(), Owner.TRIAL_WIDE, stamp.owner(), request);
        }
    }

    /** The stored version's owner; one stored before owners were labelled counts as the current label says, else trial-wide. */
    private Owner storedOwner(IBaseResource stored, RequestDetails request) {
        return OwnershipLabels.of(stored)
                .or(() -> storedOwners.of(stored.getIdElement(), request))
                .orElse(Owner.TRIAL_WIDE);
    }

    private RuntimeException refusal(OwnershipRule rule, IBaseResource resource, RequestDetails request, String action) {
        Optional<BundleEntryNames.Entry> entry = BundleEntryNames.of(resource, request);
        String id = resource.getIdElement().hasIdPart() ? "/" + resource.getIdElement().getIdPart() : "";
        String diagnostics = entry.map(e -> e.description() + ": ").orElse("")
                + "Access denied: " + action + " of " + type(resource) + id + " refused: " + rule.text() + " (rule " + rule.code() + ")";
        OperationOutcome outcome = OperationOutcomes.error(
                rule.businessRule() ? IssueType.BUSINESSRULE : IssueType.FORBIDDEN, diagnostics,
                entry.map(BundleEntryNames.Entry::expression).orElse(type(resource)));
        outcome.getIssueFirstRep().getDetails().addCoding(new org.hl7.fhir.r4.model.Coding(RULE_SYSTEM, rule.code(), rule.text()));
        return rule.businessRule()
                ? new UnprocessableEntityException(fhirContext, outcome)
                : new ForbiddenOperationException(diagnostics, outcome);
    }

    private String type(IBaseResource resource) {
        return fhirContext.getResourceType(resource);
    }

    static boolean isServer(RequestDetails request) {
        return request == null || request instanceof SystemRequestDetails;
    }
}
