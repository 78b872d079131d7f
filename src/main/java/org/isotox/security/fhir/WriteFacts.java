package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.OwnershipPolicy;
import org.isotox.security.domain.Write;
import org.isotox.study.fhir.StudyRoster;
import org.springframework.stereotype.Component;

/** What the ownership rules need to know of a resource: its label, the owners of what it refers to, the site it names. */
@Component
class WriteFacts {

    private final FhirContext fhirContext;
    private final SiteDirectory sites;

    WriteFacts(FhirContext fhirContext, SiteDirectory sites) {
        this.fhirContext = fhirContext;
        this.sites = sites;
    }

    /**
     * @param stored      the owner of the version it replaces
     * @param ownerOfTarget the owner of a stored resource it refers to (type and id), empty when it does not exist
     */
    Write of(IBaseResource resource, Optional<Owner> stored, Function<IIdType, Optional<Owner>> ownerOfTarget) {
        String type = fhirContext.getResourceType(resource);
        Set<Owner> referenced = OwnershipPolicy.readsReferences(type) ? referencedOwners(resource, ownerOfTarget) : Set.of();
        return new Write(type, stored, OwnershipLabels.of(resource), referenced, namedSite(resource), DefinitionTypes.contains(type));
    }

    String type(IBaseResource resource) {
        return fhirContext.getResourceType(resource);
    }

    private Set<Owner> referencedOwners(IBaseResource resource, Function<IIdType, Optional<Owner>> ownerOfTarget) {
        Set<Owner> owners = new HashSet<>();
        for (ResourceReferenceInfo info : fhirContext.newTerser().getAllResourceReferences(resource)) {
            ownerOf(info.getResourceReference(), ownerOfTarget).ifPresent(owners::add);
        }
        return owners;
    }

    /**
     * The owner of what one reference points to: empty for a contained, external or logical reference,
     * and for a transaction's placeholder ({@code urn:uuid:}), which points at an entry judged on its own
     * (HAPI writes a transaction's entries, then stores each again with its placeholders resolved, which
     * is judged once more); {@link Owner#TRIAL_WIDE} for a resource that does not exist (a client learns
     * nothing from the difference).
     */
    private static Optional<Owner> ownerOf(IBaseReference reference, Function<IIdType, Optional<Owner>> ownerOfTarget) {
        if (reference.getResource() != null && OwnershipLabels.of(reference.getResource()).isPresent()) {
            return OwnershipLabels.of(reference.getResource());
        }
        IIdType target = reference.getReferenceElement();
        if (target == null || target.isEmpty() || target.isLocal() || target.getValue().startsWith("urn:")
                || target.isAbsolute() || !target.hasResourceType() || !target.hasIdPart()) {
            return Optional.empty();
        }
        return Optional.of(ownerOfTarget.apply(target).orElse(Owner.TRIAL_WIDE));
    }

    private Optional<String> namedSite(IBaseResource resource) {
        if (resource instanceof Patient patient) {
            return sites.codeOf(patient.getManagingOrganization().getReference());
        }
        if (resource instanceof ResearchSubject subject) {
            return StudyRoster.siteOf(subject).flatMap(sites::codeOf);
        }
        return Optional.empty();
    }
}
