package org.isotox.security.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One SMART App Launch clinical-data scope, {@code context/ResourceType.permissions}, in the v2
 * syntax ({@code patient/Observation.rs}, {@code user/*.cruds}) or the v1 one ({@code user/*.read}).
 *
 * @param resourceType a FHIR resource type, or {@code *} for all
 */
public record SmartScope(ScopeContext context, String resourceType, Set<Permission> permissions) {

    public static final String ANY_TYPE = "*";

    /**
     * The scope a token's scope string names; empty for anything else: OpenID and launch scopes, and
     * v2 scopes narrowed by search parameters ({@code ?category=...}), which this server does not
     * enforce and therefore does not honour.
     */
    public static Optional<SmartScope> parse(String scope) {
        int slash = scope.indexOf('/');
        int dot = scope.lastIndexOf('.');
        if (slash <= 0 || dot < slash + 2 || scope.contains("?")) {
            return Optional.empty();
        }
        Optional<ScopeContext> context = context(scope.substring(0, slash));
        String type = scope.substring(slash + 1, dot);
        Set<Permission> permissions = Permission.ofSuffix(scope.substring(dot + 1));
        if (context.isEmpty() || permissions.isEmpty() || !(type.equals(ANY_TYPE) || isResourceTypeName(type))) {
            return Optional.empty();
        }
        return Optional.of(new SmartScope(context.get(), type, Set.copyOf(permissions)));
    }

    public boolean covers(String type) {
        return resourceType.equals(ANY_TYPE) || resourceType.equals(type);
    }

    private static Optional<ScopeContext> context(String name) {
        return switch (name) {
            case "patient", "user", "system" -> Optional.of(ScopeContext.valueOf(name.toUpperCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }

    private static boolean isResourceTypeName(String type) {
        return type.matches("[A-Z][A-Za-z]{1,63}");
    }
}
