package org.isotox.security.domain;

import java.util.Set;

/**
 * What a token may do with one resource type ({@code *} for all) and whose data it reaches.
 *
 * @param resourceType a FHIR resource type, or {@link SmartScope#ANY_TYPE}
 */
public record TypeGrant(String resourceType, Set<Permission> permissions, Reach reach) {

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean allowsAnyOf(Permission first, Permission... others) {
        if (allows(first)) {
            return true;
        }
        for (Permission other : others) {
            if (allows(other)) {
                return true;
            }
        }
        return false;
    }
}
