package org.isotox.eligibility.fhir;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Concept;

/** Codes and the words for them, read from CodeableConcepts. */
final class Codes {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";

    // a SNOMED CT fully specified name ends in its semantic tag: "Myocardial infarction (disorder)"
    private static final Pattern SEMANTIC_TAG = Pattern.compile("\\s+\\([a-z][a-z /-]*\\)$");

    private Codes() {}

    /** The codings that have both a system and a code. */
    static Set<Code> of(CodeableConcept concept) {
        Set<Code> codes = new LinkedHashSet<>();
        for (Coding coding : concept.getCoding()) {
            if (coding.hasSystem() && coding.hasCode()) {
                codes.add(new Code(coding.getSystem(), coding.getCode()));
            }
        }
        return codes;
    }

    /** The concept, named by its first display (what it is), else its text. */
    static Concept named(CodeableConcept concept) {
        return new Concept(of(concept), name(concept));
    }

    /** The concept, named by its text (how the author put it), else its first display. */
    static Concept described(CodeableConcept concept) {
        return new Concept(of(concept), concept.hasText() ? concept.getText() : name(concept));
    }

    static String name(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                return SNOMED.equals(coding.getSystem())
                        ? SEMANTIC_TAG.matcher(coding.getDisplay()).replaceFirst("")
                        : coding.getDisplay();
            }
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst().orElse("(uncoded)");
    }
}
