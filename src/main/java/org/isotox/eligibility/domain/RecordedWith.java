package org.isotox.eligibility.domain;

import java.util.Set;

/**
 * A broader code that names a characteristic only together with an attribute of the record: a lung
 * cancer (ICD-10-CM C34.x) is non-small cell when its histology (an extension, by URL) is one of
 * {@code values}.
 */
public record RecordedWith(Set<Code> codes, String attribute, Concept values) {

    public RecordedWith {
        codes = Set.copyOf(codes);
    }

    boolean names(ConditionFact condition) {
        return condition.isCodedByAnyOf(codes)
                && values.isNamedByAnyOf(condition.attributes().getOrDefault(attribute, Set.of()));
    }

    /** "a Condition coded … with its {attribute} in ValueSet …". */
    String describe() {
        return "a Condition coded " + Code.list(codes) + " with its " + attribute + " in " + values.describeCodes();
    }
}
