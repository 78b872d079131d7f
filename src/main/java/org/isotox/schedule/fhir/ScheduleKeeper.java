package org.isotox.schedule.fhir;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Task;
import org.isotox.schedule.domain.AnchorDates;
import org.isotox.schedule.domain.EvidenceRecord;
import org.isotox.schedule.domain.Fulfilments;
import org.isotox.schedule.domain.ScheduledActivity;
import org.isotox.schedule.fhir.StudySchedules.StudyPlan;
import org.springframework.stereotype.Component;
import org.isotox.fhir.StoredContent;

/**
 * Keeps an enrolled subject's CarePlan and Tasks in step with its schedule, inside the transaction
 * of the write that changed it.
 *
 * <p>Every dated activity within follow-up gets a Task: {@code requested} with its window, or
 * {@code completed} with the record that fulfils it. The server changes only the Tasks it still
 * manages, the requested ones and those it cancelled itself: a completed Task stays as it is (also
 * when radiotherapy dates are corrected later), and so does a Task staff put in another state.
 * Requested Tasks move with their anchors; one that falls after the end of follow-up is cancelled
 * ({@code statusReason} {@code isotox#follow-up-ended}) and comes back if follow-up is extended
 * again. A Task whose anchor disappears (a course summary entered in error) keeps its last window.
 * Writes happen only where something changed.
 */
@Component
class ScheduleKeeper {

    private final StudySchedules schedules;
    private final RadiotherapyAnchors radiotherapy;
    private final FollowUps followUps;
    private final EvidenceRecords evidence;
    private final ScheduledTasks tasks;
    private final SubjectCarePlans carePlans;

    ScheduleKeeper(
            StudySchedules schedules,
            RadiotherapyAnchors radiotherapy,
            FollowUps followUps,
            EvidenceRecords evidence,
            ScheduledTasks tasks,
            SubjectCarePlans carePlans) {
        this.schedules = schedules;
        this.radiotherapy = radiotherapy;
        this.followUps = followUps;
        this.evidence = evidence;
        this.tasks = tasks;
        this.carePlans = carePlans;
    }

    /**
     * Brings the subject's schedule up to date after {@code change}; nothing happens for a subject
     * the server did not enrol, or one on a study without a schedule.
     */
    void keep(ResearchSubject researchSubject, ScheduleChange change, TransactionDetails transaction) {
        Optional<SubjectOnSchedule> enrolled = SubjectOnSchedule.of(researchSubject);
        if (enrolled.isEmpty()) {
            return;
        }
        Optional<StudyPlan> plan = schedules.of(researchSubject.getStudy().getReference());
        if (plan.isEmpty()) {
            return;
        }
        SubjectOnSchedule subject = enrolled.get();
        AnchorDates anchors = radiotherapy.of(subject.enrolment().enrolled(), subject.patient(), change);
        List<ScheduledActivity> activities =
                plan.get().schedule().activitiesOf(anchors, followUps.of(researchSubject, change));
        if (change instanceof ScheduleChange.EvidenceWritten written && fulfilledInPlace(subject, activities, written.records(), transaction)) {
            return;
        }
        Map<String, EvidenceRecord> fulfilled = Fulfilments.match(activities, evidenceFor(subject, change));

        CarePlan storedPlan = carePlans.storedOrCreated(
                subject, SubjectCarePlans.carePlan(subject, plan.get(), activities, Map.of()), transaction);
        String carePlanId = storedPlan.getIdElement().getIdPart();
        Map<String, Task> stored = tasks.of(subject);
        Map<String, String> taskIds = new HashMap<>();
        Map<String, Task> changed = new LinkedHashMap<>();
        for (ScheduledActivity activity : activities) {
            Task current = stored.get(ScheduledTasks.identifierValue(subject, activity));
            Optional<Task> wanted = wanted(subject, carePlanId, activity, current, Optional.ofNullable(fulfilled.get(activity.key())));
            if (wanted.isPresent() && (current == null || !StoredContent.same(current, wanted.get()))) {
                changed.put(activity.key(), wanted.get());
            } else if (current != null) {
                taskIds.put(activity.key(), current.getIdElement().getIdPart());
            }
        }
        taskIds.putAll(tasks.writeAll(changed, transaction));
        carePlans.update(subject, storedPlan, SubjectCarePlans.carePlan(subject, plan.get(), activities, taskIds), transaction);
    }

    /**
     * New records change at most the Tasks of the activities they fulfil; the other Tasks, the
     * CarePlan and its references stay as they are. Returns false, to have the schedule kept
     * whole, when such a Task has not been written yet.
     */
    private boolean fulfilledInPlace(
            SubjectOnSchedule subject, List<ScheduledActivity> activities, List<EvidenceRecord> records, TransactionDetails transaction) {
        Map<String, EvidenceRecord> fulfilled = Fulfilments.match(activities, records);
        List<ScheduledActivity> fulfilledActivities = activities.stream().filter(a -> fulfilled.containsKey(a.key())).toList();
        Map<String, Task> stored = tasks.of(subject, fulfilledActivities);
        List<Task> changed = new ArrayList<>();
        for (ScheduledActivity activity : fulfilledActivities) {
            Task current = stored.get(ScheduledTasks.identifierValue(subject, activity));
            if (current == null) {
                return false;
            }
            String carePlanId = current.getBasedOnFirstRep().getReferenceElement().getIdPart();
            wanted(subject, carePlanId, activity, current, Optional.of(fulfilled.get(activity.key())))
                    .filter(task -> !StoredContent.same(current, task))
                    .ifPresent(changed::add);
        }
        changed.forEach(task -> tasks.write(task, transaction));
        return true;
    }

    /**
     * New records are matched on their own: what was stored before was matched when it came. Any other
     * change may move the schedule, so everything the patient has on record is matched again.
     */
    private Collection<EvidenceRecord> evidenceFor(SubjectOnSchedule subject, ScheduleChange change) {
        return change instanceof ScheduleChange.EvidenceWritten written
                ? written.records()
                : evidence.storedOf(subject.patient());
    }

    private static Optional<Task> wanted(
            SubjectOnSchedule subject,
            String carePlanId,
            ScheduledActivity activity,
            Task current,
            Optional<EvidenceRecord> fulfilledBy) {
        if (current != null && !ScheduledTasks.managedByServer(current)) {
            return Optional.empty();
        }
        if (activity.isDue()) {
            Task task = ScheduledTasks.task(subject, carePlanId, activity, fulfilledBy);
            if (current != null) {
                task.setIdElement(current.getIdElement().toUnqualifiedVersionless());
            }
            return Optional.of(task);
        }
        if (!activity.withinFollowUp() && current != null) {
            return Optional.of(ScheduledTasks.cancelledAfterFollowUp(current));
        }
        return Optional.empty();
    }
}
