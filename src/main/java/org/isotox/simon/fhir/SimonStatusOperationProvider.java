package org.isotox.simon.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.simon.domain.DesignAudit;
import org.isotox.simon.domain.StoppingStatus;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/{id}/$simon-status}: where the study stands against its Simon design, and
 * an audit of the configured design's exact operating characteristics at the stated p0 and p1.
 */
@Component
public class SimonStatusOperationProvider implements OperationProvider {

    private final TrialStudies studies;
    private final StudyStates states;
    private final StudyRoster roster;

    SimonStatusOperationProvider(TrialStudies studies, StudyStates states, StudyRoster roster) {
        this.studies = studies;
        this.states = states;
        this.roster = roster;
    }

    @Operation(name = "$simon-status", idempotent = true, type = ResearchStudy.class)
    public Parameters simonStatus(
            @IdParam IdType studyId, @OperationParam(name = "asOf") DateType asOf, RequestDetails request) {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        LocalDate date = OperationParameters.day("asOf", asOf).orElseGet(LocalDate::now);
        StudyState state = states.of(study, date).orElseThrow(() -> new UnprocessableEntityException(
                "ResearchStudy/" + studyId.getIdPart() + " has no Simon two-stage design"));
        StoppingStatus status = state.status();
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("stage").setValue(new IntegerType(status.stage()));
        parameters.addParameter().setName("enrolled").setValue(new IntegerType(status.enrolled()));
        parameters.addParameter().setName("evaluable").setValue(new IntegerType(status.evaluable()));
        parameters.addParameter().setName("severeToxicities").setValue(new IntegerType(status.severeToxicities()));
        parameters.addParameter().setName("stage1SevereToxicities")
                .setValue(new IntegerType(status.stageOneSevereToxicities()));
        parameters.addParameter().setName("decision").setValue(new CodeType(status.decision().code()));
        parameters.addParameter().setName("enrolmentOpen").setValue(new BooleanType(status.enrolmentAllowed()));
        parameters.addParameter().setName("asOf").setValue(new DateType(date.toString()));
        designAudit(parameters.addParameter().setName("designAudit"), state.protocol());
        SimonStatusReading.add(parameters.addParameter().setName("reading"), state.protocol());
        SimonStatusSubjects.add(parameters, state, roster.visibleSubjectsOf(state.reference(), request));
        return parameters;
    }

    private static void designAudit(ParametersParameterComponent parameter, StudyProtocol protocol) {
        DesignAudit audit = protocol.audit();
        SimonDesignOperationProvider.SimonParts.design(parameter, audit);
        StudyProtocol.DesignAssumptions stated = protocol.assumptions();
        parameter.addPart().setName("p0").setValue(new DecimalType(stated.p0()));
        parameter.addPart().setName("p1").setValue(new DecimalType(stated.p1()));
        parameter.addPart().setName("statedAlpha").setValue(new DecimalType(stated.alpha()));
        parameter.addPart().setName("statedPower").setValue(new DecimalType(stated.power()));
        parameter.addPart().setName("meetsStatedAlphaAndPower")
                .setValue(new BooleanType(audit.meets(stated.alpha(), 1 - stated.power())));
    }
}
