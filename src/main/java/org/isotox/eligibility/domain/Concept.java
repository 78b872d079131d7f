package org.isotox.eligibility.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Something a rule speaks about: its codes (any of them names it), the words a clinician knows it by and,
 * when its codes are a ValueSet's, that ValueSet's canonical URL.
 */
public record Concept(Set<Code> codes, String label, Optional<String> valueSet) {

    public Concept {
        codes = Set.copyOf(codes);
    }

    public Concept(Set<Code> codes, String label) {
        this(codes, label, Optional.empty());
    }

    /** "ValueSet https://…/stage-iii-groups", or the codes as {@code system|code}. */
    public String describeCodes() {
        return valueSet.map(url -> "ValueSet " + url).orElseGet(() -> Code.list(codes));
    }

    public boolean isNamedByAnyOf(Collection<Code> others) {
        return others.stream().anyMatch(codes::contains);
    }

    /** Whether any of {@code others} is from a code system this concept's codes come from. */
    public boolean sharesASystemWith(Collection<Code> others) {
        return others.stream().anyMatch(other -> codes.stream().anyMatch(c -> c.system().equals(other.system())));
    }
}
