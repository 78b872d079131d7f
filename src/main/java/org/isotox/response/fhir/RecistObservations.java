package org.isotox.response.fhir;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.isotox.fhir.Canonicals;
import org.isotox.response.domain.Response;

/** The frame the derived RECIST Observations share: a final response of the patient, dated, with its sources. */
final class RecistObservations {

    static final String RESPONSE_SYSTEM = Canonicals.BASE + "/CodeSystem/recist-response";

    private RecistObservations() {}

    /**
     * @param code    the Observation's code in the project code system
     * @param sources the references it is derived from
     */
    static Observation derived(String id, String code, String profile, String patient, LocalDate date, Response response,
            List<String> sources) {
        Observation observation = new Observation().setStatus(ObservationStatus.FINAL);
        observation.setId(id);
        observation.getMeta().addProfile(profile);
        observation.setCode(isotox(code));
        observation.setSubject(new Reference(patient));
        observation.setEffective(new DateTimeType(date.toString()));
        observation.setValue(response(response));
        sources.forEach(source -> observation.addDerivedFrom(new Reference(source)));
        return observation;
    }

    static void component(Observation observation, String code, Type value) {
        observation.addComponent().setCode(isotox(code)).setValue(value);
    }

    static CodeableConcept response(Response response) {
        return new CodeableConcept().addCoding(new Coding(RESPONSE_SYSTEM, response.code(), null));
    }

    private static CodeableConcept isotox(String code) {
        return new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, code, null));
    }
}
