package org.isotox.response.fhir;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.isotox.response.domain.RecistEvaluation;
import org.isotox.response.domain.TimepointResponse;

/** A RECIST evaluation as the {@code $recist-evaluate} output; a part is absent when its value is. */
final class RecistOutput {

    private RecistOutput() {}

    static Parameters of(RecistEvaluation.Evaluated evaluation) {
        Parameters parameters = new Parameters();
        for (TimepointResponse timepoint : evaluation.timepoints()) {
            ParametersParameterComponent assessment = parameters.addParameter().setName("assessment");
            assessment.addPart().setName("date").setValue(new DateType(timepoint.date().toString()));
            timepoint.sumDiametersMm().ifPresent(v -> assessment.addPart().setName("sumDiameters").setValue(new DecimalType(v)));
            timepoint.changeFromBaselinePercent()
                    .ifPresent(v -> assessment.addPart().setName("changeFromBaseline").setValue(new DecimalType(v)));
            timepoint.changeFromNadirPercent()
                    .ifPresent(v -> assessment.addPart().setName("changeFromNadir").setValue(new DecimalType(v)));
            timepoint.targetResponse()
                    .ifPresent(r -> assessment.addPart().setName("targetResponse").setValue(new CodeType(r.code())));
            timepoint.nonTargetResponse()
                    .ifPresent(r -> assessment.addPart().setName("nonTargetResponse").setValue(new CodeType(r.code())));
            assessment.addPart().setName("overallResponse").setValue(new CodeType(timepoint.overallResponse().code()));
            timepoint.progressionInField()
                    .ifPresent(b -> assessment.addPart().setName("progressionInField").setValue(new BooleanType(b)));
        }
        parameters.addParameter().setName("bestOverallResponse")
                .setValue(new CodeType(evaluation.bestOverallResponse().response().code()));
        return parameters;
    }
}
