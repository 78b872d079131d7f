package org.isotox.security.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a SMART v2 scope lets its holder do with a resource type: the letters of {@code .cruds}. */
public enum Permission {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Permission(char letter) {
        this.letter = letter;
    }

    /**
     * The permissions of a v2 suffix ({@code rs}, {@code cruds}) or a v1 one ({@code read},
     * {@code write}, {@code *}); empty when the suffix is neither (v2 letters must keep the order c, r,
     * u, d, s and appear once).
     */
    static Set<Permission> ofSuffix(String suffix) {
        switch (suffix) {
            case "read":
                return EnumSet.of(READ, SEARCH);
            case "write":
                return EnumSet.of(CREATE, UPDATE, DELETE);
            case "*":
                return EnumSet.allOf(Permission.class);
            default:
                return ofLetters(suffix);
        }
    }

    private static Set<Permission> ofLetters(String letters) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        int next = 0;
        for (char letter : letters.toCharArray()) {
            Permission permission = null;
            for (int i = next; i < values().length && permission == null; i++) {
                if (values()[i].letter == letter) {
                    permission = values()[i];
                    next = i + 1;
                }
            }
            if (permission == null) {
                return EnumSet.noneOf(Permission.class);
            }
            permissions.add(permission);
        }
        return permissions;
    }
}
