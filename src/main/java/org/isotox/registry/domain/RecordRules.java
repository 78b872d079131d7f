package org.isotox.registry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.isotox.registry.domain.ProtocolSection.DesignModule;
import org.isotox.registry.domain.ProtocolSection.Outcome;
import org.isotox.registry.domain.ProtocolSection.StudyType;
import org.isotox.registry.domain.ResultsSection.AdverseEvent;
import org.isotox.registry.domain.ResultsSection.AdverseEventsModule;
import org.isotox.registry.domain.ResultsSection.BaselineCharacteristicsModule;
import org.isotox.registry.domain.ResultsSection.Count;
import org.isotox.registry.domain.ResultsSection.Denom;
import org.isotox.registry.domain.ResultsSection.EventGroup;
import org.isotox.registry.domain.ResultsSection.EventStats;
import org.isotox.registry.domain.ResultsSection.Group;
import org.isotox.registry.domain.ResultsSection.Measure;
import org.isotox.registry.domain.ResultsSection.Measurement;
import org.isotox.registry.domain.ResultsSection.OutcomeMeasure;
import org.isotox.registry.domain.ResultsSection.ParticipantFlowModule;
import org.isotox.registry.domain.ResultsSection.Period;

/**
 * The checks a record must pass before it goes to the registry: the required fields are there,
 * the counts add up (started = completed + not completed = completed + the reasons given; no more
 * participants affected than at risk; categories sum to the group), and coded fields use the
 * registry's codes. Each problem names where it is in the record.
 */
public final class RecordRules {

    static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
    static final Pattern REGISTRY_DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    static final Set<String> MILESTONE_TYPES = Set.of("STARTED", "COMPLETED", "NOT COMPLETED");
    static final Set<String> OUTCOME_TYPES = Set.of("PRIMARY", "SECONDARY", "OTHER_PRE_SPECIFIED", "POST_HOC");
    static final Set<String> PARAM_TYPES = Set.of("GEOMETRIC_MEAN", "GEOMETRIC_LEAST_SQUARES_MEAN", "LEAST_SQUARES_MEAN",
            "LOG_MEAN", "MEAN", "MEDIAN", "NUMBER", "COUNT_OF_PARTICIPANTS", "COUNT_OF_UNITS");
    static final Set<String> DISPERSION_TYPES = Set.of("NA", "STANDARD_DEVIATION", "STANDARD_ERROR", "INTER_QUARTILE_RANGE",
            "FULL_RANGE", "95% Confidence Interval", "90% Confidence Interval", "80% Confidence Interval",
            "97.5% Confidence Interval", "99% Confidence Interval", "Other Confidence Interval Level",
            "GEOMETRIC_COEFFICIENT");
    static final Set<String> ASSESSMENT_TYPES = Set.of("SYSTEMATIC_ASSESSMENT", "NON_SYSTEMATIC_ASSESSMENT");

    /** Every problem of the record; empty when the registry would take it. */
    public List<RecordProblem> check(StudyRecord record) {
        Problems problems = new Problems();
        if (record.protocolSection() == null) {
            problems.add("protocolSection", "The record has no protocolSection");
        } else {
            protocol(record.protocolSection(), problems);
        }
        if (record.resultsSection() != null) {
            results(record.resultsSection(), problems);
        }
        return problems.list;
    }

    private static void protocol(ProtocolSection protocol, Problems problems) {
        String id = "protocolSection.identificationModule";
        var identification = protocol.identificationModule();
        String nctId = identification == null ? null : identification.nctId();
        if (problems.required(id + ".nctId", nctId) && !NCT_ID.matcher(nctId).matches()) {
            problems.add(id + ".nctId", "'" + nctId + "' is not an NCT number (NCT and 8 digits)");
        }
        problems.required(id + ".briefTitle", identification == null ? null : identification.briefTitle());
        problems.required(id + ".orgStudyIdInfo.id", identification == null || identification.orgStudyIdInfo() == null
                ? null : identification.orgStudyIdInfo().id());

        var status = protocol.statusModule();
        problems.required("protocolSection.statusModule.overallStatus", status == null ? null : status.overallStatus());
        String startDate = status == null || status.startDateStruct() == null ? null : status.startDateStruct().date();
        if (problems.required("protocolSection.statusModule.startDateStruct.date", startDate)) {
            date(problems, "protocolSection.statusModule.startDateStruct.date", startDate);
        }
        if (status != null && status.completionDateStruct() != null && status.completionDateStruct().date() != null) {
            date(problems, "protocolSection.statusModule.completionDateStruct.date", status.completionDateStruct().date());
        }

        var sponsors = protocol.sponsorCollaboratorsModule();
        problems.required("protocolSection.sponsorCollaboratorsModule.leadSponsor.name",
                sponsors == null || sponsors.leadSponsor() == null ? null : sponsors.leadSponsor().name());
        problems.required("protocolSection.descriptionModule.briefSummary",
                protocol.descriptionModule() == null ? null : protocol.descriptionModule().briefSummary());
        problems.requiredList("protocolSection.conditionsModule.conditions",
                protocol.conditionsModule() == null ? null : protocol.conditionsModule().conditions());

        design(protocol, problems);
        outcomes(protocol.outcomesModule(), problems);

        var eligibility = protocol.eligibilityModule();
        problems.required("protocolSection.eligibilityModule.eligibilityCriteria",
                eligibility == null ? null : eligibility.eligibilityCriteria());
        problems.required("protocolSection.eligibilityModule.sex", eligibility == null ? null : eligibility.sex());
    }

    private static void design(ProtocolSection protocol, Problems problems) {
        String at = "protocolSection.designModule";
        DesignModule design = protocol.designModule();
        if (!problems.required(at + ".studyType", design == null ? null : design.studyType())
                || design.studyType() != StudyType.INTERVENTIONAL) {
            return;
        }
        problems.requiredList(at + ".phases", design.phases());
        var info = design.designInfo();
        problems.required(at + ".designInfo.allocation", info == null ? null : info.allocation());
        problems.required(at + ".designInfo.interventionModel", info == null ? null : info.interventionModel());
        problems.required(at + ".designInfo.primaryPurpose", info == null ? null : info.primaryPurpose());
        problems.required(at + ".designInfo.maskingInfo.masking",
                info == null || info.maskingInfo() == null ? null : info.maskingInfo().masking());
        problems.required(at + ".enrollmentInfo.count", design.enrollmentInfo() == null ? null : design.enrollmentInfo().count());
        var arms = protocol.armsInterventionsModule();
        if (problems.requiredList("protocolSection.armsInterventionsModule.armGroups", arms == null ? null : arms.armGroups())) {
            for (int i = 0; i < arms.armGroups().size(); i++) {
                String arm = "protocolSection.armsInterventionsModule.armGroups[" + i + "]";
                problems.required(arm + ".label", arms.armGroups().get(i).label());
                problems.required(arm + ".type", arms.armGroups().get(i).type());
            }
        }
        problems.requiredList("protocolSection.armsInterventionsModule.interventions", arms == null ? null : arms.interventions());
    }

    private static void outcomes(ProtocolSection.OutcomesModule module, Problems problems) {
        String at = "protocolSection.outcomesModule";
        if (problems.requiredList(at + ".primaryOutcomes", module == null ? null : module.primaryOutcomes())) {
            outcomeList(at + ".primaryOutcomes", module.primaryOutcomes(), problems);
        }
        if (module != null && module.secondaryOutcomes() != null) {
            outcomeList(at + ".secondaryOutcomes", module.secondaryOutcomes(), problems);
        }
    }

    private static void outcomeList(String at, List<Outcome> outcomes, Problems problems) {
        for (int i = 0; i < outcomes.size(); i++) {
            problems.required(at + "[" + i + "].measure", outcomes.get(i).measure());
            problems.required(at + "[" + i + "].timeFrame", outcomes.get(i).timeFrame());
        }
    }

    private static void results(ResultsSection results, Problems problems) {
        Map<String, Integer> started = participantFlow(results.participantFlowModule(), problems);
        baseline(results.baselineCharacteristicsModule(), started, problems);
        outcomeMeasures(results.outcomeMeasuresModule(), problems);
        adverseEvents(results.adverseEventsModule(), problems);
    }

    /** Checks the flow; returns the participants started per group. */
    private static Map<String, Integer> participantFlow(ParticipantFlowModule flow, Problems problems) {
        String at = "resultsSection.participantFlowModule";
        Map<String, Integer> startedByGroup = new HashMap<>();
        if (flow == null) {
            problems.add(at, "The results have no participant flow");
            return startedByGroup;
        }
        Set<String> groups = groupIds(flow.groups());
        if (!problems.requiredList(at + ".periods", flow.periods())) {
            return startedByGroup;
        }
        for (int p = 0; p < flow.periods().size(); p++) {
            Period period = flow.periods().get(p);
            String periodAt = at + ".periods[" + p + "]";
            Map<String, Map<String, Integer>> byType = new HashMap<>();
            for (int m = 0; m < period.milestones().size(); m++) {
                var milestone = period.milestones().get(m);
                String milestoneAt = periodAt + ".milestones[" + m + "]";
                if (!MILESTONE_TYPES.contains(milestone.type())) {
                    problems.add(milestoneAt + ".type", "'" + milestone.type() + "' is not a milestone type of the registry " + MILESTONE_TYPES);
                    continue;
                }
                byType.put(milestone.type(), counts(milestone.achievements(), milestoneAt + ".achievements", groups, problems));
            }
            Map<String, Integer> reasons = new HashMap<>();
            List<ResultsSection.DropWithdraw> drops = period.dropWithdraws() == null ? List.of() : period.dropWithdraws();
            for (int d = 0; d < drops.size(); d++) {
                problems.required(periodAt + ".dropWithdraws[" + d + "].type", drops.get(d).type());
                counts(drops.get(d).reasons(), periodAt + ".dropWithdraws[" + d + "].reasons", groups, problems)
                        .forEach((group, n) -> reasons.merge(group, n, Integer::sum));
            }
            for (String group : groups) {
                Integer started = byType.getOrDefault("STARTED", Map.of()).get(group);
                if (started == null) {
                    problems.add(periodAt + ".milestones", "Group " + group + " has no STARTED count");
                    continue;
                }
                if (p == 0) {
                    startedByGroup.put(group, started);
                }
                int completed = byType.getOrDefault("COMPLETED", Map.of()).getOrDefault(group, 0);
                int notCompleted = byType.getOrDefault("NOT COMPLETED", Map.of()).getOrDefault(group, 0);
                if (started != completed + notCompleted) {
                    problems.add(periodAt + ".milestones", "Group " + group + ": " + started + " started but " + completed
                            + " completed and " + notCompleted + " not completed (" + (completed + notCompleted)
                            + "): every participant who started must have completed or not");
                }
                int reasonTotal = reasons.getOrDefault(group, 0);
                if (reasonTotal != notCompleted) {
                    problems.add(periodAt + ".dropWithdraws", "Group " + group + ": " + notCompleted
                            + " not completed but the reasons given account for " + reasonTotal);
                }
            }
        }
        return startedByGroup;
    }

    private static void baseline(BaselineCharacteristicsModule baseline, Map<String, Integer> started, Problems problems) {
        String at = "resultsSection.baselineCharacteristicsModule";
        if (baseline == null) {
            problems.add(at, "The results have no baseline characteristics");
            return;
        }
        Set<String> groups = groupIds(baseline.groups());
        Map<String, Integer> denominators = denominators(baseline.denoms(), at + ".denoms", groups, problems);
        denominators.forEach((group, n) -> {
            Integer flowStarted = started.get(group.replace("BG", "FG"));
            if (flowStarted != null && !flowStarted.equals(n)) {
                problems.add(at + ".denoms", "Group " + group + " has " + n + " participants at baseline but "
                        + flowStarted + " started in the participant flow");
            }
        });
        List<Measure> measures = baseline.measures() == null ? List.of() : baseline.measures();
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            String measureAt = at + ".measures[" + i + "]";
            problems.required(measureAt + ".title", measure.title());
            problems.code(measureAt + ".paramType", measure.paramType(), PARAM_TYPES);
            if (measure.dispersionType() != null) {
                problems.code(measureAt + ".dispersionType", measure.dispersionType(), DISPERSION_TYPES);
            }
            if ("COUNT_OF_PARTICIPANTS".equals(measure.paramType())) {
                Map<String, Integer> sums = new HashMap<>();
                measurements(measure.classes()).forEach(m -> sums.merge(m.groupId(), integer(m.value()), Integer::sum));
                sums.forEach((group, sum) -> {
                    if (denominators.containsKey(group) && !denominators.get(group).equals(sum)) {
                        problems.add(measureAt, "'" + measure.title() + "': the categories of group " + group + " count "
                                + sum + " participants, the group has " + denominators.get(group));
                    }
                });
            }
            valuesOrReasons(measureAt, measurements(measure.classes()), problems);
        }
    }

    private static void outcomeMeasures(ResultsSection.OutcomeMeasuresModule module, Problems problems) {
        String at = "resultsSection.outcomeMeasuresModule.outcomeMeasures";
        if (module == null || !problems.requiredList(at, module.outcomeMeasures())) {
            return;
        }
        List<OutcomeMeasure> measures = module.outcomeMeasures();
        if (measures.stream().noneMatch(m -> "PRIMARY".equals(m.type()))) {
            problems.add(at, "No PRIMARY outcome measure");
        }
        for (int i = 0; i < measures.size(); i++) {
            OutcomeMeasure measure = measures.get(i);
            String measureAt = at + "[" + i + "]";
            problems.code(measureAt + ".type", measure.type(), OUTCOME_TYPES);
            problems.required(measureAt + ".title", measure.title());
            problems.required(measureAt + ".timeFrame", measure.timeFrame());
            problems.required(measureAt + ".unitOfMeasure", measure.unitOfMeasure());
            problems.code(measureAt + ".paramType", measure.paramType(), PARAM_TYPES);
            if (measure.dispersionType() != null) {
                problems.code(measureAt + ".dispersionType", measure.dispersionType(), DISPERSION_TYPES);
            }
            Map<String, Integer> denominators =
                    denominators(measure.denoms(), measureAt + ".denoms", groupIds(measure.groups()), problems);
            if ("COUNT_OF_PARTICIPANTS".equals(measure.paramType())) {
                measurements(measure.classes()).forEach(m -> {
                    Integer denominator = denominators.get(m.groupId());
                    if (denominator != null && integer(m.value()) > denominator) {
                        problems.add(measureAt + ".classes", "'" + measure.title() + "': " + m.value()
                                + " participants of group " + m.groupId() + ", which has " + denominator);
                    }
                });
            }
            valuesOrReasons(measureAt, measurements(measure.classes()), problems);
        }
    }

    private static void adverseEvents(AdverseEventsModule module, Problems problems) {
        String at = "resultsSection.adverseEventsModule";
        if (module == null) {
            problems.add(at, "The results have no adverse events");
            return;
        }
        problems.required(at + ".timeFrame", module.timeFrame());
        List<EventGroup> groups = module.eventGroups() == null ? List.of() : module.eventGroups();
        for (int i = 0; i < groups.size(); i++) {
            EventGroup group = groups.get(i);
            String groupAt = at + ".eventGroups[" + i + "]";
            notAboveAtRisk(problems, groupAt + ".deathsNumAffected", group.deathsNumAffected(), group.deathsNumAtRisk());
            notAboveAtRisk(problems, groupAt + ".seriousNumAffected", group.seriousNumAffected(), group.seriousNumAtRisk());
            notAboveAtRisk(problems, groupAt + ".otherNumAffected", group.otherNumAffected(), group.otherNumAtRisk());
        }
        Set<String> ids = groups.stream().map(EventGroup::id).collect(Collectors.toSet());
        events(at + ".seriousEvents", module.seriousEvents(), ids, problems);
        events(at + ".otherEvents", module.otherEvents(), ids, problems);
    }

    private static void events(String at, List<AdverseEvent> events, Set<String> groups, Problems problems) {
        if (events == null) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            AdverseEvent event = events.get(i);
            String eventAt = at + "[" + i + "]";
            problems.required(eventAt + ".term", event.term());
            problems.required(eventAt + ".organSystem", event.organSystem());
            problems.required(eventAt + ".sourceVocabulary", event.sourceVocabulary());
            problems.code(eventAt + ".assessmentType", event.assessmentType(), ASSESSMENT_TYPES);
            List<EventStats> stats = event.stats() == null ? List.of() : event.stats();
            for (int s = 0; s < stats.size(); s++) {
                EventStats stat = stats.get(s);
                if (!groups.contains(stat.groupId())) {
                    problems.add(eventAt + ".stats[" + s + "].groupId", "Group " + stat.groupId() + " is not an event group");
                }
                notAboveAtRisk(problems, eventAt + ".stats[" + s + "].numAffected", stat.numAffected(), stat.numAtRisk());
            }
        }
    }

    private static void notAboveAtRisk(Problems problems, String at, Integer affected, Integer atRisk) {
        if (affected == null || atRisk == null) {
            problems.add(at, "Numbers affected and at risk are required");
        } else if (affected < 0 || affected > atRisk) {
            problems.add(at, affected + " affected of " + atRisk + " at risk: must be between 0 and the number at risk");
        }
    }

    private static Map<String, Integer> counts(List<Count> counts, String at, Set<String> groups, Problems problems) {
        Map<String, Integer> byGroup = new HashMap<>();
        List<Count> list = counts == null ? List.of() : counts;
        for (int i = 0; i < list.size(); i++) {
            Count count = list.get(i);
            if (!groups.contains(count.groupId())) {
                problems.add(at + "[" + i + "].groupId", "Group " + count.groupId() + " is not declared in the module");
            } else if (count.numSubjects() == null || count.numSubjects() < 0) {
                problems.add(at + "[" + i + "].numSubjects", "A count of participants (0 or more) is required");
            } else {
                byGroup.merge(count.groupId(), count.numSubjects(), Integer::sum);
            }
        }
        return byGroup;
    }

    private static Map<String, Integer> denominators(List<Denom> denoms, String at, Set<String> groups, Problems problems) {
        Map<String, Integer> byGroup = new HashMap<>();
        if (!problems.requiredList(at, denoms)) {
            return byGroup;
        }
        denoms.get(0).counts().forEach(c -> {
            if (!groups.contains(c.groupId())) {
                problems.add(at, "Group " + c.groupId() + " is not declared in the module");
            } else {
                byGroup.put(c.groupId(), c.value());
            }
        });
        return byGroup;
    }

    private static void valuesOrReasons(String at, List<Measurement> measurements, Problems problems) {
        for (Measurement m : measurements) {
            if (m.value() == null || "NA".equals(m.value()) && (m.comment() == null || m.comment().isBlank())) {
                problems.add(at, "A value of group " + m.groupId() + " is missing or NA without a comment saying why");
            }
        }
    }

    private static List<Measurement> measurements(List<ResultsSection.MeasureClass> classes) {
        return classes == null ? List.of() : classes.stream()
                .flatMap(c -> c.categories().stream())
                .flatMap(c -> c.measurements().stream())
                .toList();
    }

    private static Set<String> groupIds(List<Group> groups) {
        return groups == null ? Set.of() : groups.stream().map(Group::id).collect(Collectors.toSet());
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void date(Problems problems, String at, String date) {
        if (!REGISTRY_DATE.matcher(date).matches()) {
            problems.add(at, "'" + date + "' is not a registry date (YYYY-MM or YYYY-MM-DD)");
        }
    }

    /** Collects problems; the {@code required} checks tell whether the value is there, for checks that need it. */
    private static final class Problems {
        private final List<RecordProblem> list = new ArrayList<>();

        void add(String expression, String message) {
            list.add(new RecordProblem(expression, message));
        }

        boolean required(String expression, Object value) {
            if (value == null || value instanceof String s && s.isBlank()) {
                add(expression, "Required by the registry, missing");
                return false;
            }
            return true;
        }

        boolean requiredList(String expression, List<?> values) {
            if (values == null || values.isEmpty()) {
                add(expression, "Required by the registry (at least one), missing");
                return false;
            }
            return true;
        }

        void code(String expression, String value, Set<String> legal) {
            if (required(expression, value) && !legal.contains(value)) {
                add(expression, "'" + value + "' is not one of the registry's codes " + legal.stream().sorted().toList());
            }
        }
    }

}
