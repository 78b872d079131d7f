package org.isotox.security.fhir;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.security.domain.Owner;

/**
 * The ownership label in {@code meta.security}: {@code https://isotox.org/fhir/sid/site|{site code}} for a
 * site's data, {@code https://isotox.org/fhir/CodeSystem/ownership|shared} or {@code |trial-wide} for the rest.
 * The server stamps exactly one on every resource it stores.
 */
public final class OwnershipLabels {

    public static final String SITE_SYSTEM = SiteDirectory.SITE_IDENTIFIER_SYSTEM;
    public static final String OWNERSHIP_SYSTEM = "https://isotox.org/fhir/CodeSystem/ownership";
    static final String SHARED = "shared";
    static final String TRIAL_WIDE = "trial-wide";
    /** A label nothing carries: the narrowing of a token that may see nothing. */
    private static final String NOTHING = "nothing";

    private OwnershipLabels() {}

    /**
     * The owner the resource's labels name; empty without one. A resource labelled for several owners
     * (only a client could send that) counts as trial-wide.
     */
    public static Optional<Owner> of(IBaseResource resource) {
        List<Owner> owners = ((Resource) resource).getMeta().getSecurity().stream()
                .map(OwnershipLabels::owner)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        return switch (owners.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(owners.get(0));
            default -> Optional.of(Owner.TRIAL_WIDE);
        };
    }

    /** Replaces whatever ownership labels the resource carries by the one of {@code owner}. */
    public static void stamp(IBaseResource resource, Owner owner) {
        List<Coding> security = ((Resource) resource).getMeta().getSecurity();
        security.removeIf(OwnershipLabels::isOwnershipLabel);
        security.add(coding(owner));
    }

    public static Coding coding(Owner owner) {
        if (owner instanceof Owner.SiteOwned site) {
            return new Coding(SITE_SYSTEM, site.siteCode(), null);
        }
        return owner instanceof Owner.Shared
                ? new Coding(OWNERSHIP_SYSTEM, SHARED, "Shared trial data")
                : new Coding(OWNERSHIP_SYSTEM, TRIAL_WIDE, "Trial-wide roles only");
    }

    /** The {@code _security} values of a search that may return only these owners' resources. */
    static TokenOrListParam anyOf(Set<Owner> owners) {
        TokenOrListParam labels = new TokenOrListParam();
        if (owners.isEmpty()) {
            labels.add(OWNERSHIP_SYSTEM, NOTHING);
        }
        owners.stream().map(OwnershipLabels::coding).forEach(c -> labels.add(c.getSystem(), c.getCode()));
        return labels;
    }

    static boolean isOwnershipLabel(Coding coding) {
        return SITE_SYSTEM.equals(coding.getSystem()) || OWNERSHIP_SYSTEM.equals(coding.getSystem());
    }

    private static Optional<Owner> owner(Coding coding) {
        if (!coding.hasCode()) {
            return Optional.empty();
        }
        if (SITE_SYSTEM.equals(coding.getSystem())) {
            return Optional.of(Owner.site(coding.getCode()));
        }
        if (OWNERSHIP_SYSTEM.equals(coding.getSystem())) {
            return switch (coding.getCode()) {
                case SHARED -> Optional.of(Owner.SHARED);
                case TRIAL_WIDE -> Optional.of(Owner.TRIAL_WIDE);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
