package org.isotox.eligibility.fhir;

import java.util.List;
import java.util.Set;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Concept;
import org.isotox.eligibility.domain.RecordedWith;
import org.isotox.eligibility.domain.ScaleConversion;

/** How records carry what a Group characteristic names, as the server's terminology says (terminology/). */
interface RecordingTerminology {

    /** {@code codes} and the codes that record the same thing: equivalents, subtypes, what the protocol accepts. */
    Set<Code> recordedAs(Set<Code> codes);

    /** Broader codes that record one of {@code codes} together with an attribute. */
    List<RecordedWith> recordedWith(Set<Code> codes);

    /** Scores on other scales that convert into {@code target}'s. */
    List<ScaleConversion> conversionsInto(Concept target);

    /** The stage groups that pre-coordinated diagnosis {@code codes} state (a "non-small cell carcinoma of lung, TNM stage 3"). */
    Set<Code> stagesStatedBy(Set<Code> codes);

    /** Whether the codes name a diagnosis, whose absence from a problem list means the patient has none. */
    boolean namesDiagnosis(Set<Code> codes);
}
