package org.isotox.response.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.response.domain.BestOverallResponse;

/**
 * A patient's derived best overall response as an Observation of the
 * isotox-recist-best-overall-response profile: one per patient, dated by the assessment that
 * determined it, stating the study entry the minimum duration of stable disease counted from.
 */
final class BestOverallResponseObservation {

    static final String CODE = "recist-best-overall-response";
    static final String PROFILE = Canonicals.structureDefinition("isotox-recist-best-overall-response");

    private BestOverallResponseObservation() {}

    /** @param timepointResponses the patient's time-point responses (references), at least one */
    static Observation of(String patient, BestOverallResponse best, List<String> timepointResponses) {
        Observation observation = RecistObservations.derived(DerivedObservations.idFor(CODE, patient), CODE, PROFILE,
                patient, best.date().orElseThrow(), best.response(), timepointResponses);
        RecistObservations.component(observation, "recist-study-entry", new DateTimeType(best.studyEntry().toString()));
        return observation;
    }
}
