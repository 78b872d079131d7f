package org.isotox.endpoints.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.endpoints.domain.AnalysisPopulation;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.simon.fhir.StudyState;
import org.isotox.simon.fhir.StudyStates;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/{id}/$endpoints}: the protocol's endpoints as of a date (see {@link StudyEndpoints}),
 * with 95 % log-log intervals and medians as R's survfit, over each analysis population or the one
 * {@code population} names.
 */
@Component
public class EndpointsOperationProvider implements OperationProvider {

    private static final List<String> CODES = Arrays.stream(AnalysisPopulation.values()).map(AnalysisPopulation::code).toList();

    private final TrialStudies studies;
    private final StudyStates states;
    private final StudyEndpoints endpoints;

    EndpointsOperationProvider(TrialStudies studies, StudyStates states, StudyEndpoints endpoints) {
        this.studies = studies;
        this.states = states;
        this.endpoints = endpoints;
    }

    @Operation(name = "$endpoints", idempotent = true, type = ResearchStudy.class)
    public Parameters endpoints(@IdParam IdType studyId, @OperationParam(name = "asOf") DateType asOf,
            @OperationParam(name = "population", max = 1) CodeType population) {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        LocalDate date = OperationParameters.day("asOf", asOf).orElseGet(LocalDate::now);
        Set<AnalysisPopulation> populations = OperationParameters.code("population", population, CODES)
                .flatMap(AnalysisPopulation::ofCode)
                .map(EnumSet::of)
                .orElseGet(() -> EnumSet.allOf(AnalysisPopulation.class));
        StudyState state = states.of(study, date).orElseThrow(() -> new UnprocessableEntityException(
                "ResearchStudy/" + studyId.getIdPart() + " is not a trial study with a protocol the server can read"));
        Parameters parameters = new Parameters();
        parameters.addParameter("asOf", new DateType(date.toString()));
        endpoints.survival(state, date, populations).forEach((analysed, curves) ->
                curves.forEach((endpoint, curve) -> EndpointParameters.add(parameters, analysed, endpoint, curve)));
        EndpointParameters.addSafety(parameters, state.courses().size(), endpoints.severeToxicities(state));
        return parameters;
    }
}
