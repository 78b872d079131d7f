package org.isotox.schedule.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityKind;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.fhir.Canonicals;
import org.isotox.schedule.domain.ScheduledActivity;
import org.isotox.schedule.fhir.StudySchedules.StudyPlan;
import org.springframework.stereotype.Component;
import org.isotox.fhir.StoredContent;

/**
 * Each enrolled subject's CarePlan: it instantiates the study's protocol PlanDefinition and lists
 * every planned activity, in plan order. A dated activity is a reference to its Task (which holds
 * its window and progress); one whose anchor is not known yet (no radiotherapy so far) is an
 * inline {@code not-started} detail with its code and description.
 */
@Component
class SubjectCarePlans {

    static final String IDENTIFIER_SYSTEM = Canonicals.BASE + "/sid/subject-schedule";

    private final DaoRegistry daoRegistry;

    SubjectCarePlans(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The subject's stored CarePlan; when it has none yet, {@code firstDraft} stored as it. */
    CarePlan storedOrCreated(SubjectOnSchedule subject, CarePlan firstDraft, TransactionDetails transaction) {
        SearchParameterMap query = SearchParameterMap.newSynchronous(
                CarePlan.SP_IDENTIFIER, new TokenParam(IDENTIFIER_SYSTEM, subject.id()));
        Optional<CarePlan> stored = daoRegistry.getResourceDao(CarePlan.class)
                .search(query, new SystemRequestDetails())
                .getAllResources()
                .stream()
                .map(CarePlan.class::cast)
                .findFirst();
        return stored.orElseGet(() -> {
            firstDraft.setIdElement(write(subject, firstDraft, transaction));
            return firstDraft;
        });
    }

    /** Writes {@code wanted} over {@code stored}, unless it says the same. */
    void update(SubjectOnSchedule subject, CarePlan stored, CarePlan wanted, TransactionDetails transaction) {
        if (!StoredContent.same(stored, wanted)) {
            write(subject, wanted, transaction);
        }
    }

    private IdType write(SubjectOnSchedule subject, CarePlan carePlan, TransactionDetails transaction) {
        return (IdType) daoRegistry.getResourceDao(CarePlan.class)
                .update(carePlan, "CarePlan?identifier=" + IDENTIFIER_SYSTEM + "|" + subject.id(), true, false,
                        new SystemRequestDetails(), transaction)
                .getId()
                .toUnqualifiedVersionless();
    }

    /** The CarePlan listing {@code activities}; those in {@code taskIds} (by activity key) as their Task. */
    static CarePlan carePlan(
            SubjectOnSchedule subject, StudyPlan plan, List<ScheduledActivity> activities, Map<String, String> taskIds) {
        CarePlan carePlan = new CarePlan()
                .setStatus(CarePlanStatus.ACTIVE)
                .setIntent(CarePlanIntent.PLAN)
                .setTitle(plan.plan().getTitle())
                .setSubject(new Reference(subject.patient()));
        carePlan.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(subject.id());
        carePlan.addInstantiatesCanonical(plan.canonical());
        carePlan.getPeriod().setStartElement(new DateTimeType(subject.enrolment().enrolled().toString()));
        carePlan.addSupportingInfo(new Reference(subject.reference()));
        for (ScheduledActivity activity : activities) {
            String taskId = taskIds.get(activity.key());
            if (taskId != null) {
                carePlan.addActivity().setReference(new Reference("Task/" + taskId));
            } else {
                CarePlanActivityDetailComponent detail = carePlan.addActivity().getDetail()
                        .setKind(CarePlanActivityKind.TASK)
                        .setStatus(activity.withinFollowUp() ? CarePlanActivityStatus.NOTSTARTED : CarePlanActivityStatus.CANCELLED)
                        .setDescription(ScheduledTasks.description(activity));
                detail.getCode().addCoding(new Coding(Canonicals.ISOTOX_CODES, activity.code(), null));
            }
        }
        return carePlan;
    }
}
