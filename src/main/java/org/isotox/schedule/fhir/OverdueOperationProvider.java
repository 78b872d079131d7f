package org.isotox.schedule.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Task;
import org.isotox.fhir.FhirDates;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationParameters;
import org.isotox.fhir.OperationProvider;
import org.isotox.schedule.domain.DueWindow;
import org.isotox.schedule.domain.FollowedSubject;
import org.isotox.schedule.domain.OpenActivity;
import org.isotox.schedule.domain.OverdueList;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code GET [base]/ResearchStudy/{id}/$overdue?asOf=YYYY-MM-DD[&site=Organization/{id}]}: the
 * follow-up doctor's call list. Every scheduled activity of the study's subjects that is still
 * requested although its window closed before {@code asOf}, per subject, subjects ordered by site
 * and enrolment sequence.
 *
 * <p>It answers from the schedule Tasks, so that the same question can be asked as a plain search:
 * {@code Task?focus:ResearchSubject.study=ResearchStudy/{id}&identifier=https://isotox.org/fhir/sid/scheduled-activity|&status=requested&period=eb{asOf}[&owner=Organization/{id}]}
 * ({@code eb}: the window ended before that day; {@code lt} would match windows that merely
 * started before it).
 */
@Component
public class OverdueOperationProvider implements OperationProvider {

    private final DaoRegistry daoRegistry;
    private final TrialStudies studies;
    private final StudyRoster roster;

    OverdueOperationProvider(DaoRegistry daoRegistry, TrialStudies studies, StudyRoster roster) {
        this.daoRegistry = daoRegistry;
        this.studies = studies;
        this.roster = roster;
    }

    @Operation(name = "$overdue", idempotent = true, type = ResearchStudy.class)
    @Description(shortDefinition = "The scheduled visits, questionnaires and imaging whose window closed before asOf"
            + " and that are still missing, per subject, ordered by site and enrolment")
    public Parameters overdue(
            @IdParam IdType studyId,
            @Description(shortDefinition = "The day the list is drawn up for (YYYY-MM-DD)")
                    @OperationParam(name = "asOf", min = 1, max = 1) DateType asOf,
            @Description(shortDefinition = "Only the subjects of this site (Organization/[id])")
                    @OperationParam(name = "site", min = 0, max = 1) Reference site) {
        LocalDate day = OperationParameters.requiredDay("asOf", asOf);
        Optional<String> siteFilter = site(site);
        String study = "ResearchStudy/" + studyId.getIdPart();
        studies.read(study).orElseThrow(() -> new ResourceNotFoundException(studyId, OperationOutcomes.error(
                IssueType.NOTFOUND, study + " is not known")));
        Map<String, EnrolledSubject> subjects = roster.enrolled(study).stream()
                .collect(Collectors.toMap(EnrolledSubject::reference, Function.identity()));
        List<OpenActivity> open = openTasks(study, day, siteFilter).stream()
                .map(task -> openActivity(task, subjects))
                .flatMap(Optional::stream)
                .toList();
        return OverdueParameters.of(day, OverdueList.asOf(day, open));
    }

    private List<Task> openTasks(String study, LocalDate asOf, Optional<String> site) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Task.SP_FOCUS, new ReferenceParam("ResearchSubject", "study", study))
                .add(Task.SP_IDENTIFIER, new TokenParam(ScheduledTasks.IDENTIFIER_SYSTEM, null))
                .add(Task.SP_STATUS, new TokenParam(Task.TaskStatus.REQUESTED.toCode()))
                .add(Task.SP_PERIOD, new DateRangeParam(null, new DateParam(ParamPrefixEnum.ENDS_BEFORE, asOf.toString())));
        site.ifPresent(organization -> query.add(Task.SP_OWNER, new ReferenceParam(organization)));
        return daoRegistry.getResourceDao(Task.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Task.class::cast)
                .toList();
    }

    private static Optional<OpenActivity> openActivity(Task task, Map<String, EnrolledSubject> subjects) {
        EnrolledSubject subject = subjects.get(task.getFocus().getReference());
        Optional<LocalDate> opens = FhirDates.preciseDay(task.getExecutionPeriod().getStartElement());
        Optional<LocalDate> closes = FhirDates.preciseDay(task.getExecutionPeriod().getEndElement());
        if (subject == null || opens.isEmpty() || closes.isEmpty()) {
            return Optional.empty();
        }
        // a Task edited by hand may have lost its planned day or moved its window around it
        LocalDate due = ScheduledTasks.scheduledDate(task)
                .filter(d -> !d.isBefore(opens.get()) && !d.isAfter(closes.get()))
                .orElse(closes.get());
        FollowedSubject followed = new FollowedSubject(
                subject.reference(), subject.patient(), task.getOwner().getReference(), subject.sequence());
        return Optional.of(new OpenActivity(followed, "Task/" + task.getIdElement().getIdPart(),
                task.getCode().getCodingFirstRep().getCode(), task.getDescription(), new DueWindow(opens.get(), due, closes.get())));
    }

    private static Optional<String> site(Reference site) {
        if (site == null || !site.hasReference()) {
            return Optional.empty();
        }
        IdType organization = new IdType(site.getReference());
        if (!"Organization".equals(organization.getResourceType()) || !organization.hasIdPart()) {
            throw new InvalidRequestException("Parameter 'site' is not an Organization reference", OperationOutcomes.error(
                    IssueType.INVALID, "The parameter 'site' must be a reference to the site's Organization (Organization/[id])",
                    "site"));
        }
        return Optional.of("Organization/" + organization.getIdPart());
    }
}
