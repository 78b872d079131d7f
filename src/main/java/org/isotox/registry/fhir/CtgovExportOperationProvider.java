package org.isotox.registry.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.registry.domain.ProtocolSection;
import org.isotox.registry.domain.RecordProblem;
import org.isotox.registry.domain.RecordRules;
import org.isotox.registry.domain.ResultsSection;
import org.isotox.registry.domain.StudyRecord;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code GET ResearchStudy/{id}/$ctgov-export[?asOf=]}: the study as a ClinicalTrials.gov API v2 record
 * ({@code application/json}): its registration and, for a trial study with enrolled subjects, the
 * results computed from the server's data as of {@code asOf} (default today). A record the registry
 * would reject is not exported: the answer is a 422 OperationOutcome with one issue per problem. Each
 * field on which the study's FHIR elements (what the record says) and the registration as last imported
 * disagree is listed in the answer's {@code conflicts} (path, FHIR's value, the registration's value).
 */
@Component
public class CtgovExportOperationProvider implements OperationProvider {

    private final FhirContext fhirContext;
    private final TrialStudies studies;
    private final StudySites sites;
    private final StudyResults results;
    private final RecordRules rules = new RecordRules();

    CtgovExportOperationProvider(FhirContext fhirContext, TrialStudies studies, StudySites sites, StudyResults results) {
        this.fhirContext = fhirContext;
        this.studies = studies;
        this.sites = sites;
        this.results = results;
    }

    @Operation(name = "$ctgov-export", idempotent = true, type = ResearchStudy.class, manualResponse = true)
    public void export(
            @IdParam IdType studyId, @OperationParam(name = "asOf") DateType asOf, HttpServletResponse response)
            throws IOException {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        LocalDate date = OperationParameters.day("asOf", asOf).orElse(LocalDate.now());
        ExportedRegistration registration = ExportedRegistration.of(study, sites.of(study));
        ProtocolSection protocol = CtgovJson.value(registration.protocolSection(), ProtocolSection.class);
        Optional<ResultsSection> computed = results.of(study, protocol, date);
        List<RecordProblem> problems = rules.check(new StudyRecord(protocol, computed.orElse(null)));
        if (!problems.isEmpty()) {
            throw new UnprocessableEntityException(fhirContext, outcome(problems));
        }
        ObjectNode record = RegistrationTree.object();
        record.set("protocolSection", registration.protocolSection());
        computed.ifPresent(r -> record.set("resultsSection", CtgovJson.tree(r)));
        if (!registration.conflicts().isEmpty()) {
            ArrayNode conflicts = record.putArray("conflicts");
            registration.conflicts().forEach(c -> conflicts.addObject().put("path", "/protocolSection" + c.path())
                    .<ObjectNode>set("fhir", c.fhir()).set("registration", c.registration()));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(CtgovJson.write(record));
        response.getWriter().close();
    }

    /**
     * {@code GET ResearchStudy/{id}/$ctgov-prs-export}: the registration as a PRS protocol record upload
     * ({@code application/xml}, {@link PrsProtocolRecord}); results are not part of it.
     */
    @Operation(name = "$ctgov-prs-export", idempotent = true, type = ResearchStudy.class, manualResponse = true)
    public void prsExport(@IdParam IdType studyId, HttpServletResponse response) throws IOException {
        ResearchStudy study = studies.read("ResearchStudy/" + studyId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(studyId));
        String xml = PrsProtocolRecord.of(ExportedRegistration.of(study, sites.of(study)).protocolSection());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(xml);
        response.getWriter().close();
    }

    private static OperationOutcome outcome(List<RecordProblem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (RecordProblem problem : problems) {
            OperationOutcomes.addError(outcome, IssueType.BUSINESSRULE,
                    "The registry would reject the record: " + problem.expression() + ": " + problem.message(), problem.expression());
        }
        return outcome;
    }
}
