package org.isotox.endpoints.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.endpoints.domain.Endpoint;
import org.isotox.endpoints.domain.KaplanMeierEstimator;
import org.isotox.endpoints.domain.SubjectFollowUp;
import org.isotox.endpoints.domain.SurvivalCurve;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.domain.StudyProgress;
import org.isotox.study.fhir.StudyState;
import org.isotox.study.fhir.StudyStates;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/{id}/$endpoints}: the protocol's endpoints as of a date. OS, PFS, TTP and LC
 * by Kaplan-Meier (95 % log-log intervals, medians as R's survfit) over the subjects enrolled and
 * not withdrawn (the protocol leaves withdrawals out of the analysis); the primary safety endpoint
 * (subjects with a severe toxicity) over every subject enrolled.
 */
@Component
public class EndpointsOperationProvider implements OperationProvider {

    private final TrialStudies studies;
    private final StudyStates states;
    private final FollowUpRecords followUps;
    private final KaplanMeierEstimator estimator = new KaplanMeierEstimator();

    EndpointsOperationProvider(TrialStudies studies, StudyStates states, FollowUpRecords followUps) {
        this.studies = studies;
        this.states = states;
        this.followUps = followUps;
    }

    @Operation(name = "$endpoints", idempotent = true, type = ResearchStudy.class)
    public Parameters endpoints(@IdParam IdType studyId, @OperationParam(name = "asOf") DateType asOf) {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        LocalDate date = OperationParameters.day("asOf", asOf).orElseGet(LocalDate::now);
        StudyState state = states.of(study, date).orElseThrow(() -> new UnprocessableEntityException(
                "ResearchStudy/" + studyId.getIdPart() + " is not a trial study with a protocol the server can read"));
        List<EnrolledSubject> analysed = state.courses().stream()
                .map(course -> course.subject())
                .filter(subject -> !subject.withdrawn())
                .toList();
        List<SubjectFollowUp> followUp = followUps.of(analysed);
        Parameters parameters = new Parameters();
        parameters.addParameter("asOf", new DateType(date.toString()));
        for (Endpoint endpoint : Endpoint.values()) {
            SurvivalCurve curve = estimator.estimate(followUp.stream().map(s -> endpoint.of(s, date)).toList());
            EndpointParameters.add(parameters, endpoint, curve);
        }
        StudyProgress progress = state.progress();
        long severe = state.courses().stream().filter(c -> progress.firstSevere(c).isPresent()).count();
        EndpointParameters.addSafety(parameters, state.courses().size(), (int) severe);
        return parameters;
    }
}
