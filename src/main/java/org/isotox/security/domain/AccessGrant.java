package org.isotox.security.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a validated token lets its bearer do: its role, its site, its launch patient and the
 * resource types its scopes grant. A scope never grants more than the role allows: a monitor's
 * write scopes grant nothing, a patient's {@code user/} scopes grant nothing, a site-bound role without a site reaches nobody, and {@code patient/}
 * scopes reach only the launch patient (nothing without one).
 *
 * @param site    the site of a site-bound role
 * @param patient the launch patient (Patient reference) of {@code patient/} scopes
 */
public record AccessGrant(Role role, Optional<Site> site, Optional<String> patient, List<TypeGrant> grants) {

    private static final Set<Permission> WRITES = EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);

    public static AccessGrant of(Role role, Optional<Site> site, Optional<String> patient, List<String> scopes) {
        List<TypeGrant> grants = new ArrayList<>();
        for (String scope : scopes) {
            SmartScope.parse(scope).flatMap(s -> grant(role, site, patient, s)).ifPresent(grants::add);
        }
        return new AccessGrant(role, site, patient, List.copyOf(grants));
    }

    /** The grant of a token without a trial role: it reaches nothing. */
    public static AccessGrant nothing() {
        return new AccessGrant(Role.MONITOR, Optional.empty(), Optional.empty(), List.of());
    }

    private static Optional<TypeGrant> grant(Role role, Optional<Site> site, Optional<String> patient, SmartScope scope) {
        if (role.patientOnly() && scope.context() != ScopeContext.PATIENT) {
            return Optional.empty();
        }
        Set<Permission> permissions = EnumSet.copyOf(scope.permissions());
        if (!role.writes()) {
            permissions.removeAll(WRITES);
        }
        Reach reach;
        if (scope.context() == ScopeContext.PATIENT) {
            reach = Reach.LAUNCH_PATIENT;
        } else {
            reach = role.siteBound() ? Reach.SITE : Reach.ALL;
        }
        boolean reachable = switch (reach) {
            case LAUNCH_PATIENT -> patient.isPresent();
            case SITE -> site.isPresent();
            case ALL -> true;
        };
        if (permissions.isEmpty() || !reachable) {
            return Optional.empty();
        }
        return Optional.of(new TypeGrant(scope.resourceType(), Set.copyOf(permissions), reach));
    }

    /** Whether some grant lets the bearer do {@code permission} on {@code resourceType}, on anyone's data. */
    public boolean permits(String resourceType, Permission permission) {
        return grants.stream().anyMatch(g -> g.allows(permission)
                && (g.resourceType().equals(SmartScope.ANY_TYPE) || g.resourceType().equals(resourceType)));
    }

    /** Whether the bearer reads anything at all: needed for the trial's read-only operations. */
    public boolean readsAnything() {
        return grants.stream().anyMatch(g -> g.allowsAnyOf(Permission.READ, Permission.SEARCH));
    }
}
