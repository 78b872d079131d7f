package org.isotox.eligibility.fhir;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.isotox.eligibility.domain.Code;

/**
 * How clinical records carry what Group characteristics name: terminology knowledge, not study
 * rules (those stay in the Group). Candidates for a ConceptMap in {@code terminology/}.
 */
final class RecordingConventions {

    /** LOINC Age: computed from Patient.birthDate, never read from an Observation. */
    static final Code AGE = new Code(Codes.LOINC, "30525-0");

    /** Terminologies of diagnoses: a problem list without such a code is taken to mean the patient has no such disorder. */
    private static final Set<String> DIAGNOSIS_SYSTEMS = Set.of(
            Codes.SNOMED,
            "http://hl7.org/fhir/sid/icd-10",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "http://id.who.int/icd/release/11/mms");

    /** Observation codes under which a characteristic's subject is also recorded or graded. */
    private static final Map<Code, Set<Code>> ALSO_OBSERVED_AS = Map.of(
            // clinical TNM stage group: SNOMED CT observable and LOINC "Stage group.clinical Cancer"
            new Code(Codes.SNOMED, "399537006"), Set.of(new Code(Codes.LOINC, "21908-9")),
            new Code(Codes.LOINC, "21908-9"), Set.of(new Code(Codes.SNOMED, "399537006")),
            // heart failure is graded by the NYHA functional class
            new Code(Codes.SNOMED, "84114007"), Set.of(new Code(Codes.LOINC, "88020-3")));

    private RecordingConventions() {}

    static boolean namesDiagnosis(Set<Code> codes) {
        return codes.stream().anyMatch(code -> DIAGNOSIS_SYSTEMS.contains(code.system()));
    }

    /** {@code codes} and the codes under which Observations also record or grade them. */
    static Set<Code> observationCodesFor(Set<Code> codes) {
        Set<Code> all = new HashSet<>(codes);
        codes.forEach(code -> all.addAll(ALSO_OBSERVED_AS.getOrDefault(code, Set.of())));
        return all;
    }
}
