package org.isotox.schedule.fhir;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionRelationshipType;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionRelatedActionComponent;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.isotox.fhir.Canonicals;
import org.isotox.schedule.domain.ActivityWindow;
import org.isotox.schedule.domain.Anchor;
import org.isotox.schedule.domain.Deadline;
import org.isotox.schedule.domain.PlannedAction;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.domain.Timing;
import org.springframework.stereotype.Component;

/**
 * Reads the visit schedule from a study's protocol PlanDefinition, once per plan version.
 *
 * <p>The schedule counts from anchor actions, recognised by their code: {@code isotox#study-enrolment}
 * (the subject's enrolment day) and {@code isotox#radiotherapy-course} (its first and last fraction).
 * An action is scheduled when its first {@code relatedAction} points at an anchor:
 * {@code after-start} / {@code after-end} add the {@code offsetDuration} to the anchor's start / end,
 * {@code before-start} / {@code before-end} subtract it, {@code concurrent-with-start} /
 * {@code concurrent-with-end} take the day itself. A further {@code before-start} / {@code before-end}
 * relation is a deadline: the window closes there at the latest. {@code timingTiming.repeat} with
 * {@code count}, {@code period} and {@code periodUnit} repeats the action. The {@code activity-window}
 * extension gives how early and how late (grace) it may be done. Child actions are done at their
 * parent's occurrences and share its timing and window unless they state their own. Anything else
 * the schedule cannot honour stops the read with an error naming the action, rather than being
 * silently ignored.
 */
@Component
public class PlanScheduleReader {

    static final String ACTIVITY_WINDOW = Canonicals.structureDefinition("activity-window");
    static final String ENROLMENT_CODE = "study-enrolment";
    static final String RADIOTHERAPY_CODE = "radiotherapy-course";

    private final Map<String, Optional<Schedule>> byPlanVersion = new ConcurrentHashMap<>();

    /** The schedule of the plan; empty when it schedules nothing. */
    public Optional<Schedule> read(PlanDefinition plan) {
        String key = plan.getIdElement().getIdPart() + "/" + plan.getMeta().getVersionId();
        return byPlanVersion.computeIfAbsent(key, k -> new Parse(plan).schedule());
    }

    /** One read of one plan. */
    private static final class Parse {

        private final PlanDefinition plan;
        private final Map<String, PlanDefinitionActionComponent> byId = new HashMap<>();
        private final List<PlannedAction> planned = new ArrayList<>();

        Parse(PlanDefinition plan) {
            this.plan = plan;
            index(plan.getAction());
        }

        Optional<Schedule> schedule() {
            for (PlanDefinitionActionComponent action : plan.getAction()) {
                walk(action, Optional.empty(), Optional.empty(), Optional.empty(), "");
            }
            return planned.isEmpty() ? Optional.empty() : Optional.of(new Schedule(planned));
        }

        private void index(List<PlanDefinitionActionComponent> actions) {
            for (PlanDefinitionActionComponent action : actions) {
                if (action.hasId()) {
                    byId.put(action.getId(), action);
                }
                index(action.getAction());
            }
        }

        private void walk(
                PlanDefinitionActionComponent action,
                Optional<Timing> inheritedTiming,
                Optional<ActivityWindow> inheritedWindow,
                Optional<Deadline> inheritedDeadline,
                String titlePrefix) {
            List<PlanDefinitionActionRelatedActionComponent> relations = action.getRelatedAction();
            Optional<Timing> timing = relations.isEmpty() ? inheritedTiming : Optional.of(timing(action, relations.get(0)));
            Optional<Deadline> deadline = relations.size() > 1 ? Optional.of(deadline(action, relations)) : inheritedDeadline;
            Optional<ActivityWindow> window = window(action).or(() -> inheritedWindow);
            String title = titlePrefix + action.getTitle();
            if (timing.isPresent()) {
                planned.add(new PlannedAction(
                        action.getId(),
                        code(action),
                        title,
                        timing.get(),
                        window.orElseThrow(() -> invalid(action, "has no " + ACTIVITY_WINDOW + " (nor has its parent)")),
                        deadline));
            }
            for (PlanDefinitionActionComponent child : action.getAction()) {
                walk(child, timing, window, deadline, timing.isPresent() ? title + ": " : "");
            }
        }

        private Timing timing(PlanDefinitionActionComponent action, PlanDefinitionActionRelatedActionComponent relation) {
            ActionRelationshipType type = relation.getRelationship();
            if (type == null) {
                throw invalid(action, "relates to '" + relation.getActionId() + "' without a relationship");
            }
            Period offset = offset(action, relation);
            Anchor anchor = switch (type) {
                case AFTERSTART, BEFORESTART, CONCURRENTWITHSTART -> anchor(action, relation, false);
                case AFTEREND, BEFOREEND, CONCURRENTWITHEND -> anchor(action, relation, true);
                default -> throw invalid(action, "counts from '" + relation.getActionId() + "' by '"
                        + type.toCode() + "'; the schedule knows start and end relations");
            };
            Period signed = switch (type) {
                case BEFORESTART, BEFOREEND -> offset.negated();
                case CONCURRENTWITHSTART, CONCURRENTWITHEND -> Period.ZERO;
                default -> offset;
            };
            if (!action.hasTimingTiming()) {
                return Timing.once(anchor, signed);
            }
            TimingRepeatComponent repeat = action.getTimingTiming().getRepeat();
            if (repeat.hasFrequency() && repeat.getFrequency() != 1) {
                throw invalid(action, "repeats " + repeat.getFrequency() + " times a period; the schedule knows once a period");
            }
            int count = repeat.hasCount() ? repeat.getCount() : 1;
            Period interval = count == 1 && !repeat.hasPeriod() ? Period.ZERO : CalendarDurations.of(
                    repeat.getPeriod(), repeat.hasPeriodUnit() ? repeat.getPeriodUnit().toCode() : null, where(action));
            return new Timing(anchor, signed, count, interval);
        }

        private Deadline deadline(PlanDefinitionActionComponent action, List<PlanDefinitionActionRelatedActionComponent> relations) {
            if (relations.size() > 2) {
                throw invalid(action, "has more than one relation beyond its timing");
            }
            PlanDefinitionActionRelatedActionComponent relation = relations.get(1);
            Period offset = offset(action, relation).negated();
            return switch (relation.getRelationship()) {
                case BEFORESTART -> new Deadline(anchor(action, relation, false), offset);
                case BEFOREEND -> new Deadline(anchor(action, relation, true), offset);
                default -> throw invalid(action, "has a second relation '" + relation.getRelationship().toCode()
                        + "'; only before-start and before-end set a deadline");
            };
        }

        private Anchor anchor(PlanDefinitionActionComponent action, PlanDefinitionActionRelatedActionComponent relation, boolean end) {
            PlanDefinitionActionComponent related = byId.get(relation.getActionId());
            if (related == null) {
                throw invalid(action, "counts from an action '" + relation.getActionId() + "' the plan does not have");
            }
            return switch (code(related)) {
                case ENROLMENT_CODE -> Anchor.ENROLMENT;
                case RADIOTHERAPY_CODE -> end ? Anchor.RADIOTHERAPY_END : Anchor.RADIOTHERAPY_START;
                default -> throw invalid(action, "counts from '" + related.getId()
                        + "'; a schedule counts from enrolment or radiotherapy");
            };
        }

        private Period offset(PlanDefinitionActionComponent action, PlanDefinitionActionRelatedActionComponent relation) {
            if (relation.hasOffsetRange()) {
                throw invalid(action, "has an offset range; the schedule takes an offsetDuration and the activity-window");
            }
            if (!relation.hasOffsetDuration()) {
                return Period.ZERO;
            }
            return duration(relation.getOffsetDuration(), where(action));
        }

        private Optional<ActivityWindow> window(PlanDefinitionActionComponent action) {
            Extension window = action.getExtensionByUrl(ACTIVITY_WINDOW);
            if (window == null) {
                return Optional.empty();
            }
            return Optional.of(new ActivityWindow(part(action, window, "early"), part(action, window, "grace")));
        }

        private Period part(PlanDefinitionActionComponent action, Extension window, String name) {
            Extension part = window.getExtensionByUrl(name);
            if (part == null || !(part.getValue() instanceof Duration duration)) {
                throw invalid(action, "has an activity-window without its " + name + " Duration");
            }
            return duration(duration, where(action) + " " + name);
        }

        private static Period duration(Duration duration, String where) {
            if (!duration.hasValue()) {
                throw new IllegalStateException(where + ": a duration without a value");
            }
            return CalendarDurations.of(duration.getValue(), duration.getCode(), where);
        }

        private String code(PlanDefinitionActionComponent action) {
            return action.getCode().stream()
                    .map(CodeableConcept::getCoding)
                    .flatMap(List::stream)
                    .filter(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()))
                    .map(Coding::getCode)
                    .findFirst()
                    .orElseThrow(() -> invalid(action, "has no " + Canonicals.ISOTOX_CODES + " code"));
        }

        private String where(PlanDefinitionActionComponent action) {
            return "PlanDefinition/" + plan.getIdElement().getIdPart() + " action '" + action.getId() + "'";
        }

        private IllegalStateException invalid(PlanDefinitionActionComponent action, String problem) {
            return new IllegalStateException(where(action) + " " + problem);
        }
    }
}
