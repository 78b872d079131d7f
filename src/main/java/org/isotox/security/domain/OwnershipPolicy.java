package org.isotox.security.domain;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one decision on site ownership: which owner a write stamps (or why it is refused), and whether
 * a token may see a resource of a given owner. Every door a resource passes asks it.
 */
public final class OwnershipPolicy {

    static final String AUDIT_EVENT = "AuditEvent";
    private static final String SUBJECT = "ResearchSubject";
    /** What the server writes of itself that no site may read: bulk export files, notices to the coordinator. */
    private static final Set<String> SERVER_RECORDS = Set.of("Binary", "Communication", "DocumentReference", "Parameters", "Basic");

    private OwnershipPolicy() {}

    /** Whether the bearer of {@code grant} may see a resource of this type and owner. */
    public static boolean maySee(AccessGrant grant, String resourceType, Owner owner) {
        if (grant.grants().isEmpty()) {
            return false;
        }
        if (AUDIT_EVENT.equals(resourceType)) {
            return grant.role().administers();
        }
        return visibleOwners(grant).map(owners -> owners.contains(owner)).orElse(true);
    }

    /**
     * The owners whose data a search of this token may return; empty when it sees every owner. A search
     * that filters its results by what refers to them ({@code _has}) looks at the referring resources,
     * which for shared data can be any site's: such a search sees only the site's own data.
     */
    public static Optional<Set<Owner>> visibleOwners(AccessGrant grant, boolean filtersByReferrers) {
        return visibleOwners(grant).map(owners -> filtersByReferrers
                ? owners.stream().filter(o -> o instanceof Owner.SiteOwned).collect(Collectors.toUnmodifiableSet())
                : owners);
    }

    private static Optional<Set<Owner>> visibleOwners(AccessGrant grant) {
        if (grant.grants().isEmpty()) {
            return Optional.of(Set.of());
        }
        if (!grant.role().siteBound()) {
            return Optional.empty();
        }
        return Optional.of(grant.site().<Set<Owner>>map(site -> Set.of(Owner.site(site.code()), Owner.SHARED)).orElse(Set.of()));
    }

    /**
     * Whether the decision on a write of this type reads the owners of what the resource refers to: an
     * AuditEvent's owner follows from its writer alone, so the look-ups of its many references are spared.
     */
    public static boolean readsReferences(String resourceType) {
        return !AUDIT_EVENT.equals(resourceType);
    }

    /** The owner a write stamps on the resource, or the rule it breaks. */
    public static WriteVerdict decide(Writer writer, Write write) {
        if (AUDIT_EVENT.equals(write.resourceType())) {
            return writer.kind() == Writer.Kind.SERVER ? stamp(Owner.TRIAL_WIDE) : refuse(OwnershipRule.AUDIT_TRAIL_APPEND_ONLY);
        }
        return switch (writer.kind()) {
            case READER -> refuse(OwnershipRule.READ_ONLY);
            case SITE_CLIENT -> writer.site().map(site -> bySiteClient(site, write)).orElse(refuse(OwnershipRule.NO_SITE));
            case COORDINATOR, SERVER -> byTrialWide(writer, write);
        };
    }

    private static WriteVerdict bySiteClient(String site, Write write) {
        Owner mine = Owner.site(site);
        if (write.definition()) {
            return refuse(OwnershipRule.DEFINITIONS_ARE_THE_COORDINATORS);
        }
        if (write.stored().filter(stored -> !stored.equals(mine)).isPresent()) {
            return refuse(OwnershipRule.NOT_THE_SITES);
        }
        if (write.referenced().stream().anyMatch(o -> !o.equals(mine) && !o.equals(Owner.SHARED))) {
            return refuse(OwnershipRule.REFERS_OUTSIDE_THE_SITE);
        }
        if (write.namedSite().filter(named -> !named.equals(site)).isPresent()) {
            return refuse(OwnershipRule.NAMES_ANOTHER_SITE);
        }
        if (write.labelled().filter(labelled -> !labelled.equals(mine)).isPresent()) {
            return refuse(OwnershipRule.NAMES_ANOTHER_SITE);
        }
        return stamp(mine);
    }

    private static WriteVerdict byTrialWide(Writer writer, Write write) {
        Set<Owner> patientSide = write.referenced().stream().filter(o -> !o.equals(Owner.SHARED)).collect(Collectors.toSet());
        Optional<Owner> derived = switch (patientSide.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(patientSide.iterator().next());
            default -> Optional.of(Owner.TRIAL_WIDE);
        };
        Optional<Owner> named = write.namedSite().map(Owner::site);
        if (named.isPresent() && derived.filter(d -> d instanceof Owner.SiteOwned && !d.equals(named.get())).isPresent()) {
            return refuse(OwnershipRule.SITE_DOES_NOT_OWN_THE_PATIENT);
        }
        if (named.isPresent() && SUBJECT.equals(write.resourceType()) && derived.filter(Owner.TRIAL_WIDE::equals).isPresent()
                && write.referenced().stream().noneMatch(o -> o instanceof Owner.SiteOwned)
                && write.stored().filter(stored -> !stored.equals(Owner.TRIAL_WIDE)).isEmpty()) {
            // the coordinator enrols a patient no site owns at a site: the patient is placed there
            return new WriteVerdict.Stamp(named.get(), true);
        }
        if (write.labelled().isPresent() && derived.filter(d -> !d.equals(write.labelled().get())).isPresent()) {
            return refuse(OwnershipRule.LABELLED_FOR_ANOTHER_OWNER);
        }
        Owner owner = derived
                .or(write::labelled)
                .or(() -> write.isPatient() ? named : Optional.empty())
                .or(write::stored)
                .orElseGet(() -> byDefault(writer, write));
        if (write.isPatient() && write.stored().filter(stored -> !stored.equals(owner)).isPresent()) {
            return refuse(OwnershipRule.TRANSFER_ONLY);
        }
        return stamp(owner);
    }

    /**
     * The owner of what names no owner: data about no patient is shared (the coordinator's, and what the
     * server writes of the study: definitions, the sites a registration names), except the server's own
     * records, which may hold any site's data or speak to the coordinator alone (bulk export files,
     * notices); a patient no site owns is trial-wide.
     */
    private static Owner byDefault(Writer writer, Write write) {
        if (write.isPatient()) {
            return Owner.TRIAL_WIDE;
        }
        boolean serverRecord = writer.kind() == Writer.Kind.SERVER && SERVER_RECORDS.contains(write.resourceType());
        return serverRecord ? Owner.TRIAL_WIDE : Owner.SHARED;
    }

    private static WriteVerdict stamp(Owner owner) {
        return new WriteVerdict.Stamp(owner);
    }

    private static WriteVerdict refuse(OwnershipRule rule) {
        return new WriteVerdict.Refused(rule);
    }
}
