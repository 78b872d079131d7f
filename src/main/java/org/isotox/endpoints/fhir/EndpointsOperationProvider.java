package org.isotox.endpoints.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.simon.fhir.StudyState;
import org.isotox.simon.fhir.StudyStates;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/{id}/$endpoints}: the protocol's endpoints as of a date (see {@link StudyEndpoints}),
 * with 95 % log-log intervals and medians as R's survfit.
 */
@Component
public class EndpointsOperationProvider implements OperationProvider {

    private final TrialStudies studies;
    private final StudyStates states;
    private final StudyEndpoints endpoints;

    EndpointsOperationProvider(TrialStudies studies, StudyStates states, StudyEndpoints endpoints) {
        this.studies = studies;
        this.states = states;
        this.endpoints = endpoints;
    }

    @Operation(name = "$endpoints", idempotent = true, type = ResearchStudy.class)
    public Parameters endpoints(@IdParam IdType studyId, @OperationParam(name = "asOf") DateType asOf) {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        LocalDate date = OperationParameters.day("asOf", asOf).orElseGet(LocalDate::now);
        StudyState state = states.of(study, date).orElseThrow(() -> new UnprocessableEntityException(
                "ResearchStudy/" + studyId.getIdPart() + " is not a trial study with a protocol the server can read"));
        Parameters parameters = new Parameters();
        parameters.addParameter("asOf", new DateType(date.toString()));
        endpoints.survival(state, date).forEach((endpoint, curve) -> EndpointParameters.add(parameters, endpoint, curve));
        EndpointParameters.addSafety(parameters, state.courses().size(), endpoints.severeToxicities(state));
        return parameters;
    }
}
