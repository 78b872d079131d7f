package org.isotox.schedule.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.schedule.domain.DueWindow;
import org.isotox.schedule.domain.EvidenceRecord;
import org.isotox.schedule.domain.ScheduledActivity;
import org.springframework.stereotype.Component;

/**
 * The Tasks of subjects' schedules: one per dated activity, identified by subject, action and
 * occurrence ({@code <subject id>/<action id>/<occurrence>} in the {@code scheduled-activity}
 * identifier system), so that writing it again never makes a second one.
 */
@Component
class ScheduledTasks {

    static final String IDENTIFIER_SYSTEM = Canonicals.BASE + "/sid/scheduled-activity";
    static final String SCHEDULED_DATE = "scheduled-date";
    static final String FULFILLING_RECORD = "fulfilling-record";
    static final String FOLLOW_UP_ENDED = "follow-up-ended";

    private final DaoRegistry daoRegistry;
    private final FhirContext fhirContext;

    ScheduledTasks(DaoRegistry daoRegistry, FhirContext fhirContext) {
        this.daoRegistry = daoRegistry;
        this.fhirContext = fhirContext;
    }

    /** The subject's schedule Tasks, by identifier value. */
    Map<String, Task> of(SubjectOnSchedule subject) {
        SearchParameterMap query = SearchParameterMap.newSynchronous(Task.SP_FOCUS, new ReferenceParam(subject.reference()));
        Map<String, Task> tasks = new HashMap<>();
        daoRegistry.getResourceDao(Task.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Task.class::cast)
                .forEach(task -> identifierValue(task).ifPresent(value -> tasks.put(value, task)));
        return tasks;
    }

    /** The subject's Tasks of these activities that have been written, by identifier value; one query. */
    Map<String, Task> of(SubjectOnSchedule subject, List<ScheduledActivity> activities) {
        if (activities.isEmpty()) {
            return Map.of();
        }
        return withIdentifiers(activities.stream().map(activity -> identifierValue(subject, activity)).toList());
    }

    /**
     * Updates the Task by its id when it has one (a Task read before), else creates or updates the
     * Task with its identifier; returns its logical id.
     */
    String write(Task task, TransactionDetails transaction) {
        String byIdentifier = task.hasIdElement() ? null : matchUrl(identifierValue(task).orElseThrow());
        return daoRegistry.getResourceDao(Task.class)
                .update(task, byIdentifier, true, false, new SystemRequestDetails(), transaction)
                .getId()
                .getIdPart();
    }

    /**
     * Writes {@code tasks} (keyed by anything) as {@link #write} does and returns their logical ids
     * under the same keys. Which of the Tasks without an id are stored already is looked up in one
     * query first, as HAPI does for the conditional entries of a transaction, instead of one search
     * per Task; the others are created, each still guarded by its identifier.
     */
    <K> Map<K, String> writeAll(Map<K, Task> tasks, TransactionDetails transaction) {
        List<String> unidentified = tasks.values().stream()
                .filter(task -> !task.hasIdElement())
                .map(task -> identifierValue(task).orElseThrow())
                .toList();
        if (!unidentified.isEmpty()) {
            Map<String, String> storedIds = idsOf(unidentified);
            for (Task task : tasks.values()) {
                if (task.hasIdElement()) {
                    continue;
                }
                String value = identifierValue(task).orElseThrow();
                if (storedIds.containsKey(value)) {
                    task.setId(storedIds.get(value));
                } else {
                    transaction.addResolvedMatchUrl(fhirContext, matchUrl(value), TransactionDetails.NOT_FOUND);
                }
            }
        }
        Map<K, String> ids = new LinkedHashMap<>();
        tasks.forEach((key, task) -> ids.put(key, write(task, transaction)));
        return ids;
    }

    /** The logical ids of the stored Tasks with these identifier values, by value. */
    private Map<String, String> idsOf(List<String> identifierValues) {
        Map<String, String> ids = new HashMap<>();
        withIdentifiers(identifierValues).forEach((value, task) -> ids.put(value, task.getIdElement().getIdPart()));
        return ids;
    }

    private Map<String, Task> withIdentifiers(List<String> identifierValues) {
        TokenOrListParam anyOf = new TokenOrListParam();
        identifierValues.forEach(value -> anyOf.addOr(new TokenParam(IDENTIFIER_SYSTEM, value)));
        SearchParameterMap query = SearchParameterMap.newSynchronous().add(Task.SP_IDENTIFIER, anyOf);
        Map<String, Task> tasks = new HashMap<>();
        daoRegistry.getResourceDao(Task.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Task.class::cast)
                .forEach(task -> identifierValue(task).ifPresent(value -> tasks.put(value, task)));
        return tasks;
    }

    private static String matchUrl(String identifierValue) {
        return "Task?identifier=" + IDENTIFIER_SYSTEM + "|" + identifierValue;
    }

    static String identifierValue(SubjectOnSchedule subject, ScheduledActivity activity) {
        return subject.id() + "/" + activity.key();
    }

    static Optional<String> identifierValue(Task task) {
        return task.getIdentifier().stream()
                .filter(i -> IDENTIFIER_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue)
                .findFirst();
    }

    /** The Task that asks for a dated activity; completed when {@code fulfilledBy} is present. */
    static Task task(
            SubjectOnSchedule subject, String carePlanId, ScheduledActivity activity, Optional<EvidenceRecord> fulfilledBy) {
        DueWindow window = activity.window().orElseThrow();
        Task task = new Task()
                .setStatus(fulfilledBy.isPresent() ? TaskStatus.COMPLETED : TaskStatus.REQUESTED)
                .setIntent(TaskIntent.PLAN)
                .setPriority(TaskPriority.ROUTINE)
                .setDescription(description(activity))
                .setFocus(new Reference(subject.reference()))
                .setFor(new Reference(subject.patient()));
        task.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(identifierValue(subject, activity));
        task.addBasedOn(new Reference("CarePlan/" + carePlanId));
        task.getCode().addCoding(new Coding(Canonicals.ISOTOX_CODES, activity.code(), null));
        subject.site().ifPresent(site -> task.setOwner(new Reference(site)));
        task.getExecutionPeriod()
                .setStartElement(new DateTimeType(window.opens().toString()))
                .setEndElement(new DateTimeType(window.closes().toString()));
        task.addInput().setType(isotox(SCHEDULED_DATE)).setValue(new DateType(window.due().toString()));
        fulfilledBy.ifPresent(record -> task.addOutput().setType(isotox(FULFILLING_RECORD)).setValue(new Reference(record.source())));
        return task;
    }

    /** The day a schedule Task's activity is planned for ({@code input} {@code isotox#scheduled-date}). */
    static Optional<LocalDate> scheduledDate(Task task) {
        return task.getInput().stream()
                .filter(input -> input.getType().getCoding().stream()
                        .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && SCHEDULED_DATE.equals(c.getCode())))
                .map(input -> input.getValue() instanceof DateType date ? FhirDates.preciseDay(date) : Optional.<LocalDate>empty())
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** {@code task}, cancelled because the subject's follow-up ended before it fell due. */
    static Task cancelledAfterFollowUp(Task task) {
        Task cancelled = task.copy().setStatus(TaskStatus.CANCELLED).setStatusReason(isotox(FOLLOW_UP_ENDED));
        cancelled.setMeta(null);
        cancelled.setIdElement(task.getIdElement().toUnqualifiedVersionless());
        return cancelled;
    }

    /** Whether the server may still change the Task: it is open, or the server itself cancelled it. */
    static boolean managedByServer(Task task) {
        return task.getStatus() == TaskStatus.REQUESTED
                || task.getStatus() == TaskStatus.CANCELLED && task.getStatusReason().getCoding().stream()
                        .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && FOLLOW_UP_ENDED.equals(c.getCode()));
    }

    static String description(ScheduledActivity activity) {
        String title = activity.action().title();
        return activity.occurrences() == 1 ? title : title + " (" + activity.occurrence() + " of " + activity.occurrences() + ")";
    }

    private static CodeableConcept isotox(String code) {
        return new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, code, null));
    }
}
