package org.isotox.validation.fhir;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Which codes of a resource's {@code code} element make a profile apply to it. */
sealed interface CodeMatcher {

    boolean matches(CodeableConcept code);

    /** The profile constrains no code: every resource of its type. */
    record AnyCode() implements CodeMatcher {
        @Override
        public boolean matches(CodeableConcept code) {
            return true;
        }
    }

    /** One of these {@code system|code} pairs, or any code of one of these systems. */
    record Codes(Set<String> codings, Set<String> wholeSystems) implements CodeMatcher {
        @Override
        public boolean matches(CodeableConcept code) {
            if (code == null) {
                return false;
            }
            for (Coding coding : code.getCoding()) {
                if (wholeSystems.contains(coding.getSystem()) || codings.contains(key(coding))) {
                    return true;
                }
            }
            return false;
        }

        static String key(Coding coding) {
            return coding.getSystem() + "|" + coding.getCode();
        }
    }
}
