package org.isotox.eligibility.domain;

import java.util.Collection;
import java.util.Set;

/** Something a rule speaks about: its codes (any of them names it) and the words a clinician knows it by. */
public record Concept(Set<Code> codes, String label) {

    public Concept {
        codes = Set.copyOf(codes);
    }

    public boolean isNamedByAnyOf(Collection<Code> others) {
        return others.stream().anyMatch(codes::contains);
    }

    /** Whether any of {@code others} is from a code system this concept's codes come from. */
    public boolean sharesASystemWith(Collection<Code> others) {
        return others.stream().anyMatch(other -> codes.stream().anyMatch(c -> c.system().equals(other.system())));
    }
}
