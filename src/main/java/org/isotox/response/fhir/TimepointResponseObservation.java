package org.isotox.response.fhir;

import static org.isotox.response.fhir.RecistObservations.component;
import static org.isotox.response.fhir.RecistObservations.response;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.response.domain.TimepointResponse;

/** A derived time-point response as an Observation of the isotox-recist-timepoint-response profile. */
final class TimepointResponseObservation {

    static final String CODE = "recist-timepoint-response";
    static final String PROFILE = Canonicals.structureDefinition("isotox-recist-timepoint-response");

    private TimepointResponseObservation() {}

    /**
     * @param sources the lesion measurements of the time point
     * @param newLesion whether a new lesion was found at it
     */
    static Observation of(String patient, TimepointResponse timepoint, boolean newLesion, List<String> sources) {
        Observation observation = RecistObservations.derived(
                DerivedObservations.idFor(CODE, patient, timepoint.date().toString()), CODE, PROFILE, patient,
                timepoint.date(), timepoint.overallResponse(), sources);
        timepoint.sumDiametersMm().ifPresent(sum -> component(observation, "recist-sum-of-diameters",
                new Quantity().setValue(sum).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm")));
        timepoint.targetResponse().ifPresent(r -> component(observation, "recist-target-response", response(r)));
        timepoint.nonTargetResponse().ifPresent(r -> component(observation, "recist-nontarget-response", response(r)));
        component(observation, "recist-new-lesion", new BooleanType(newLesion));
        timepoint.progressionInField()
                .ifPresent(inField -> component(observation, "recist-progression-in-field", new BooleanType(inField)));
        return observation;
    }
}
