package org.isotox.qol.fhir;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.qol.domain.ScaleScore;
import org.springframework.stereotype.Component;

/**
 * The scale score Observations of a QuestionnaireResponse (profile isotox-qol-scale-score): one
 * per scale, derived from the response, dated when it was authored; a scale scored from too few
 * items has a data-absent reason instead of a value. An item scored alone in place of its unscored
 * scale has an Observation of its own, whose code text says so. The scale's code carries its name (display), for
 * readers who cannot look it up.
 */
@Component
class ScaleScoreObservations {

    static final String PROFILE = Canonicals.structureDefinition("isotox-qol-scale-score");
    static final String SCALE_SYSTEM = Canonicals.BASE + "/CodeSystem/eortc-qlq-scale";

    private final DerivedObservations derived;
    private final ScaleNames names;

    ScaleScoreObservations(DerivedObservations derived, ScaleNames names) {
        this.derived = derived;
        this.names = names;
    }

    /** Makes the response's score Observations exactly {@code scores}. */
    void store(QuestionnaireResponse response, List<ScaleScore> scores) {
        String source = reference(response);
        derived.replace(ofResponse(source), scores.stream().map(score -> observation(response, source, score)).toList());
    }

    /** Removes the response's score Observations (deleted, withdrawn or no longer scorable). */
    void withdraw(QuestionnaireResponse response) {
        derived.replace(ofResponse(reference(response)), List.of());
    }

    private Observation observation(QuestionnaireResponse response, String source, ScaleScore score) {
        Observation observation = new Observation().setStatus(ObservationStatus.FINAL);
        observation.setId(DerivedObservations.idFor("qol-scale-score", source, score.code()));
        observation.getMeta().addProfile(PROFILE);
        observation.addCategory().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"));
        observation.setCode(new CodeableConcept().addCoding(new Coding(SCALE_SYSTEM, score.code(), names.of(score.code()).orElse(null))));
        score.standIn().ifPresent(standIn -> observation.getCode().setText("Item " + standIn.item()
                + " scored alone, in place of scale " + standIn.scale() + ", which could not be scored"));
        observation.setSubject(response.getSubject().copy());
        observation.setEffective(new DateTimeType(response.getAuthoredElement().getValueAsString()));
        observation.addDerivedFrom(new Reference(source));
        if (score.value().isPresent()) {
            observation.setValue(new Quantity().setValue(score.value().getAsDouble()));
        } else {
            observation.setDataAbsentReason(new CodeableConcept()
                    .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed", null))
                    .setText("Too few of the scale's items were answered to score it"));
        }
        return observation;
    }

    private static SearchParameterMap ofResponse(String source) {
        return SearchParameterMap.newSynchronous(Observation.SP_DERIVED_FROM, new ReferenceParam(source));
    }

    private static String reference(QuestionnaireResponse response) {
        return "QuestionnaireResponse/" + response.getIdElement().getIdPart();
    }
}
