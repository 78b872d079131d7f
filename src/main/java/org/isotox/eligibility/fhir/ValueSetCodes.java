package org.isotox.eligibility.fhir;

import java.util.Optional;
import java.util.Set;
import org.isotox.eligibility.domain.Code;

/** The codes of a ValueSet, by canonical URL (optionally {@code |version}); empty when the server has no such ValueSet. */
@FunctionalInterface
interface ValueSetCodes {

    Optional<Set<Code>> codesOf(String canonical);

    /** The code systems a ValueSet includes whole (no concept list, no filter). */
    default Optional<Set<String>> systemsOf(String canonical) {
        return Optional.empty();
    }
}
