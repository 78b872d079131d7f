package org.isotox.response.fhir;

import java.util.Optional;
import org.isotox.fhir.KeptWork;
import org.springframework.stereotype.Component;

/**
 * Kept work: a patient's time-point responses recomputed (the payload: {@code Patient/id}) after a transaction that
 * changed the patient's measurements has committed, from the stored measurements alone.
 */
@Component
class TimepointResponsesRecomputed implements KeptWork.Kind {

    private final TimepointResponses responses;

    TimepointResponsesRecomputed(TimepointResponses responses) {
        this.responses = responses;
    }

    @Override
    public String name() {
        return "timepoint-responses";
    }

    @Override
    public void run(String patient) {
        // no measurement is being written any more: "" names none of the stored ones
        responses.recompute(patient, "", Optional.empty());
    }
}
