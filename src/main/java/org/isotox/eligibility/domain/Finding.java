package org.isotox.eligibility.domain;

import java.util.List;

/** What the record says about one characteristic: presence, the evidence used and why, in one sentence. */
public record Finding(Presence presence, List<String> evidence, String reason) {

    public Finding {
        evidence = List.copyOf(evidence);
        reason = capitalized(reason);
    }

    static Finding of(Presence presence, String reason, String... evidence) {
        return new Finding(presence, List.of(evidence), reason);
    }

    static Finding undetermined(String reason, String... evidence) {
        return of(Presence.UNDETERMINED, reason, evidence);
    }

    /** "Karnofsky Performance Status score: none recorded", "Myocardial infarction: none recorded within 6 months". */
    static Finding noneRecorded(Presence presence, Concept concept, EvidenceWindow window) {
        return of(presence, concept.label() + ": none recorded" + window.suffix());
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
