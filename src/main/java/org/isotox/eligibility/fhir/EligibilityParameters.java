package org.isotox.eligibility.fhir;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.eligibility.domain.CriterionResult;
import org.isotox.eligibility.domain.EligibilityReport;

/** An eligibility report as the {@code $check-eligibility} output. */
final class EligibilityParameters {

    private EligibilityParameters() {}

    static Parameters of(EligibilityReport report) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("eligible").setValue(new BooleanType(report.eligible()));
        for (CriterionResult criterion : report.criteria()) {
            ParametersParameterComponent part = parameters.addParameter().setName("criterion");
            part.addPart().setName("code").setValue(new CodeType(criterion.code()));
            part.addPart().setName("description").setValue(new StringType(criterion.description()));
            part.addPart().setName("result").setValue(new CodeType(criterion.outcome().code()));
            criterion.evidence().forEach(evidence -> part.addPart().setName("evidence").setValue(new Reference(evidence)));
            part.addPart().setName("reason").setValue(new StringType(criterion.reason()));
            criterion.settledBy().forEach(record -> part.addPart().setName("settledBy").setValue(new StringType(record)));
        }
        return parameters;
    }
}
