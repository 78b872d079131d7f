package org.isotox.response.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.response.domain.Response;
import org.isotox.response.domain.TimepointResponse;

/** A derived time-point response as an Observation of the isotox-recist-timepoint-response profile. */
final class TimepointResponseObservation {

    static final String CODE = "recist-timepoint-response";
    static final String PROFILE = Canonicals.structureDefinition("isotox-recist-timepoint-response");
    static final String RESPONSE_SYSTEM = Canonicals.BASE + "/CodeSystem/recist-response";

    private TimepointResponseObservation() {}

    /**
     * @param sources the lesion measurements of the time point
     * @param newLesion whether a new lesion was found at it
     */
    static Observation of(String patient, TimepointResponse timepoint, boolean newLesion, List<String> sources) {
        Observation observation = new Observation().setStatus(ObservationStatus.FINAL);
        observation.setId(DerivedObservations.idFor(CODE, patient, timepoint.date().toString()));
        observation.getMeta().addProfile(PROFILE);
        observation.setCode(isotox(CODE));
        observation.setSubject(new Reference(patient));
        observation.setEffective(new DateTimeType(timepoint.date().toString()));
        observation.setValue(response(timepoint.overallResponse()));
        sources.forEach(source -> observation.addDerivedFrom(new Reference(source)));
        timepoint.sumDiametersMm().ifPresent(sum -> component(observation, "recist-sum-of-diameters",
                new Quantity().setValue(sum).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm")));
        timepoint.targetResponse().ifPresent(r -> component(observation, "recist-target-response", response(r)));
        timepoint.nonTargetResponse().ifPresent(r -> component(observation, "recist-nontarget-response", response(r)));
        component(observation, "recist-new-lesion", new BooleanType(newLesion));
        timepoint.progressionInField()
                .ifPresent(inField -> component(observation, "recist-progression-in-field", new BooleanType(inField)));
        return observation;
    }

    private static void component(Observation observation, String code, Type value) {
        observation.addComponent().setCode(isotox(code)).setValue(value);
    }

    private static CodeableConcept isotox(String code) {
        return new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, code, null));
    }

    private static CodeableConcept response(Response response) {
        return new CodeableConcept().addCoding(new Coding(RESPONSE_SYSTEM, response.code(), null));
    }
}
