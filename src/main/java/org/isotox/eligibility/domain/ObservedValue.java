package org.isotox.eligibility.domain;

import java.util.Set;

/** The value of an Observation, in the forms eligibility rules read. */
public sealed interface ObservedValue {

    record Measured(Measurement measurement) implements ObservedValue {}

    record Flag(boolean value) implements ObservedValue {}

    record Coded(Set<Code> codes, String label) implements ObservedValue {
        public Coded {
            codes = Set.copyOf(codes);
        }
    }

    /** No value, or one of a kind no rule reads. */
    record None() implements ObservedValue {}
}
