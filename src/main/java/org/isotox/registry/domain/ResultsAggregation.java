package org.isotox.registry.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isotox.registry.domain.ResultsSection.AdverseEvent;
import org.isotox.registry.domain.ResultsSection.AdverseEventsModule;
import org.isotox.registry.domain.ResultsSection.BaselineCharacteristicsModule;
import org.isotox.registry.domain.ResultsSection.Category;
import org.isotox.registry.domain.ResultsSection.Count;
import org.isotox.registry.domain.ResultsSection.Denom;
import org.isotox.registry.domain.ResultsSection.DenomCount;
import org.isotox.registry.domain.ResultsSection.DropWithdraw;
import org.isotox.registry.domain.ResultsSection.EventGroup;
import org.isotox.registry.domain.ResultsSection.EventStats;
import org.isotox.registry.domain.ResultsSection.Group;
import org.isotox.registry.domain.ResultsSection.Measure;
import org.isotox.registry.domain.ResultsSection.MeasureClass;
import org.isotox.registry.domain.ResultsSection.Measurement;
import org.isotox.registry.domain.ResultsSection.Milestone;
import org.isotox.registry.domain.ResultsSection.OutcomeMeasure;
import org.isotox.registry.domain.ResultsSection.OutcomeMeasuresModule;
import org.isotox.registry.domain.ResultsSection.ParticipantFlowModule;
import org.isotox.registry.domain.ResultsSection.Period;
import org.isotox.registry.domain.SubjectResult.AdverseEventRecord;
import org.isotox.registry.domain.SubjectResult.Disposition;

/**
 * The results section of a single-arm study from its subjects: every enrolled subject started;
 * one group per module, titled by the arm. Counts are never derived from one another (not completed
 * is counted from the subjects who left, not computed as started minus completed), so that a subject
 * without an outcome shows up as counts that do not add up.
 */
public final class ResultsAggregation {

    public static final String CTCAE_VOCABULARY = "CTCAE (5.0)";
    static final String FLOW_GROUP = "FG000";
    static final String BASELINE_GROUP = "BG000";
    static final String OUTCOME_GROUP = "OG000";
    static final String EVENT_GROUP = "EG000";
    private static final String PARTICIPANTS = "Participants";

    /**
     * @param arm            title and description of the study's arm
     * @param subjects       every enrolled subject
     * @param survival       OS, PFS, TTP and LC as the endpoints computation gives them
     * @param followUp       the time frame of the survival endpoints and adverse events, as registered
     * @param safetyWindow   the time frame of the primary (safety) outcome, as registered
     */
    public ResultsSection results(
            Group arm, List<SubjectResult> subjects, List<SurvivalSummary> survival, String followUp, String safetyWindow) {
        return new ResultsSection(
                participantFlow(arm, subjects),
                baseline(arm, subjects),
                new OutcomeMeasuresModule(outcomes(arm, subjects, survival, followUp, safetyWindow)),
                adverseEvents(arm, subjects, followUp));
    }

    ParticipantFlowModule participantFlow(Group arm, List<SubjectResult> subjects) {
        Map<Disposition, Long> left = subjects.stream()
                .flatMap(s -> s.disposition().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int completed = left.getOrDefault(Disposition.COMPLETED, 0L).intValue();
        int notCompleted = left.entrySet().stream()
                .filter(e -> e.getKey() != Disposition.COMPLETED)
                .mapToInt(e -> e.getValue().intValue())
                .sum();
        List<DropWithdraw> reasons = new ArrayList<>();
        for (Disposition disposition : Disposition.values()) {
            if (disposition != Disposition.COMPLETED) {
                reasons.add(new DropWithdraw(disposition.reason(),
                        List.of(new Count(FLOW_GROUP, left.getOrDefault(disposition, 0L).intValue()))));
            }
        }
        Period overall = new Period("Overall Study", List.of(
                milestone("STARTED", subjects.size()),
                milestone("COMPLETED", completed),
                milestone("NOT COMPLETED", notCompleted)), reasons);
        return new ParticipantFlowModule(List.of(group(FLOW_GROUP, arm)), List.of(overall));
    }

    BaselineCharacteristicsModule baseline(Group arm, List<SubjectResult> subjects) {
        List<Measure> measures = List.of(
                median("Age, Continuous", "years", subjects, SubjectResult::age),
                counts("Sex: Female, Male", subjects, s -> capitalised(s.sex()), List.of("Female", "Male")),
                median("Karnofsky performance status", "score on a scale", subjects, SubjectResult::karnofsky),
                counts("Clinical stage (AJCC 8th edition)", subjects, s -> s.stage().orElse("Unknown"), List.of()));
        return new BaselineCharacteristicsModule(
                List.of(group(BASELINE_GROUP, arm)), List.of(denom(BASELINE_GROUP, subjects.size())), measures);
    }

    List<OutcomeMeasure> outcomes(
            Group arm, List<SubjectResult> subjects, List<SurvivalSummary> survival, String followUp, String safetyWindow) {
        List<OutcomeMeasure> outcomes = new ArrayList<>();
        long severe = subjects.stream().filter(SubjectResult::severeToxicity).count();
        outcomes.add(new OutcomeMeasure("PRIMARY", "Participants with a protocol-defined severe radiotherapy toxicity",
                "Severe toxicity as the protocol defines it, graded by CTCAE v5.0", "All enrolled participants", "POSTED",
                "COUNT_OF_PARTICIPANTS", null, PARTICIPANTS, safetyWindow, List.of(group(OUTCOME_GROUP, arm)),
                List.of(denom(OUTCOME_GROUP, subjects.size())),
                List.of(new MeasureClass(null, List.of(new Category(null, List.of(
                        new Measurement(OUTCOME_GROUP, Long.toString(severe), null, null, null))))))));
        for (SurvivalSummary endpoint : survival) {
            if ("LC".equals(endpoint.endpoint())) {
                outcomes.add(localControl(arm, endpoint, followUp));
            } else {
                outcomes.add(medianSurvival(arm, endpoint, followUp));
            }
        }
        return outcomes;
    }

    AdverseEventsModule adverseEvents(Group arm, List<SubjectResult> subjects, String followUp) {
        int atRisk = subjects.size();
        // per subject and term the worst classification counts: serious if any of its records is
        Map<String, Map<String, Boolean>> seriousByTermBySubject = new TreeMap<>();
        Map<String, String> organSystems = new TreeMap<>();
        for (SubjectResult subject : subjects) {
            for (AdverseEventRecord event : subject.adverseEvents()) {
                organSystems.put(event.term(), event.organSystem());
                seriousByTermBySubject.computeIfAbsent(event.term(), t -> new TreeMap<>())
                        .merge(subject.subject(), event.serious(), Boolean::logicalOr);
            }
        }
        List<AdverseEvent> serious = new ArrayList<>();
        List<AdverseEvent> other = new ArrayList<>();
        seriousByTermBySubject.forEach((term, bySubject) -> {
            long seriousCount = bySubject.values().stream().filter(b -> b).count();
            long otherCount = bySubject.size() - seriousCount;
            if (seriousCount > 0) {
                serious.add(event(term, organSystems.get(term), (int) seriousCount, atRisk));
            }
            if (otherCount > 0) {
                other.add(event(term, organSystems.get(term), (int) otherCount, atRisk));
            }
        });
        Comparator<AdverseEvent> order = Comparator.comparing(AdverseEvent::organSystem).thenComparing(AdverseEvent::term);
        serious.sort(order);
        other.sort(order);
        int deaths = (int) subjects.stream().filter(SubjectResult::died).count();
        int seriousAffected = (int) subjects.stream()
                .filter(s -> s.adverseEvents().stream().anyMatch(AdverseEventRecord::serious)).count();
        int otherAffected = (int) subjects.stream()
                .filter(s -> s.adverseEvents().stream().anyMatch(e -> !seriousByTermBySubject.get(e.term()).get(s.subject())))
                .count();
        EventGroup group = new EventGroup(EVENT_GROUP, arm.title(), arm.description(), deaths, atRisk, seriousAffected,
                atRisk, otherAffected, atRisk);
        return new AdverseEventsModule("0", followUp,
                "Toxicities graded by CTCAE v5.0 at each assessment. Serious: a toxicity the protocol defines as severe,"
                        + " or any grade 4-5 toxicity; other: every other toxicity of grade 1 or above.",
                List.of(group), serious, other);
    }

    private static OutcomeMeasure medianSurvival(Group arm, SurvivalSummary endpoint, String followUp) {
        Measurement median = endpoint.median().isPresent()
                ? new Measurement(OUTCOME_GROUP, number(endpoint.median().getAsDouble()),
                        limit(endpoint.medianLower()), limit(endpoint.medianUpper()),
                        endpoint.medianUpper().isPresent() ? null : "Upper limit of the interval not reached")
                : new Measurement(OUTCOME_GROUP, "NA", "NA", "NA", "Median not reached");
        return new OutcomeMeasure("SECONDARY", title(endpoint.endpoint()),
                "Kaplan-Meier median from enrolment, 95 % log-log confidence interval",
                "Enrolled participants, withdrawals and losses to follow-up excluded", "POSTED", "MEDIAN",
                "95% Confidence Interval", "months", followUp, List.of(group(OUTCOME_GROUP, arm)),
                List.of(denom(OUTCOME_GROUP, endpoint.analysed())),
                List.of(new MeasureClass(null, List.of(new Category(null, List.of(median))))));
    }

    private static OutcomeMeasure localControl(Group arm, SurvivalSummary endpoint, String followUp) {
        List<MeasureClass> classes = List.of(
                new MeasureClass("3 years", List.of(new Category(null, List.of(percent(endpoint.percentAt3Years()))))),
                new MeasureClass("5 years", List.of(new Category(null, List.of(percent(endpoint.percentAt5Years()))))));
        return new OutcomeMeasure("SECONDARY", title(endpoint.endpoint()),
                "Kaplan-Meier estimate of the percentage of participants free of progression of the irradiated tumour",
                "Enrolled participants, withdrawals and losses to follow-up excluded", "POSTED", "NUMBER", null,
                "percentage of participants", followUp, List.of(group(OUTCOME_GROUP, arm)),
                List.of(denom(OUTCOME_GROUP, endpoint.analysed())), classes);
    }

    private static Measurement percent(OptionalDouble value) {
        return value.isPresent()
                ? new Measurement(OUTCOME_GROUP, number(value.getAsDouble()), null, null, null)
                : new Measurement(OUTCOME_GROUP, "NA", null, null, "Not estimable: no participant followed this long");
    }

    private static String title(String endpoint) {
        return switch (endpoint) {
            case "OS" -> "Overall survival (OS)";
            case "PFS" -> "Progression-free survival (PFS)";
            case "TTP" -> "Time to progression (TTP)";
            case "LC" -> "Local control (LC) at 3 and 5 years";
            default -> endpoint;
        };
    }

    private static Measure median(
            String title, String unit, List<SubjectResult> subjects, Function<SubjectResult, Optional<Integer>> value) {
        List<Integer> values = subjects.stream().map(value).flatMap(Optional::stream).sorted().toList();
        Measurement measurement = values.isEmpty()
                ? new Measurement(BASELINE_GROUP, "NA", "NA", "NA", "Not recorded")
                : new Measurement(BASELINE_GROUP, number(median(values)), values.get(0).toString(),
                        values.get(values.size() - 1).toString(), null);
        return new Measure(title, "MEDIAN", "FULL_RANGE", unit,
                List.of(new MeasureClass(null, List.of(new Category(null, List.of(measurement))))));
    }

    /** Participants per category: the {@code fixed} categories always (with 0), then any other value met, in order. */
    private static Measure counts(
            String title, List<SubjectResult> subjects, Function<SubjectResult, String> category, List<String> fixed) {
        Map<String, Long> counted = subjects.stream().collect(Collectors.groupingBy(category, TreeMap::new, Collectors.counting()));
        List<String> titles = new ArrayList<>(fixed);
        counted.keySet().stream().filter(c -> !fixed.contains(c)).forEach(titles::add);
        List<Category> categories = titles.stream()
                .map(t -> new Category(t, List.of(new Measurement(BASELINE_GROUP, Long.toString(counted.getOrDefault(t, 0L)), null, null, null))))
                .toList();
        return new Measure(title, "COUNT_OF_PARTICIPANTS", null, PARTICIPANTS, List.of(new MeasureClass(null, categories)));
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String limit(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "NA";
    }

    /** A number as the registry shows it: at most two decimals, no trailing zeros. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String capitalised(String value) {
        return value == null || value.isEmpty() ? "Unknown" : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static Milestone milestone(String type, int count) {
        return new Milestone(type, List.of(new Count(FLOW_GROUP, count)));
    }

    private static Group group(String id, Group arm) {
        return new Group(id, arm.title(), arm.description());
    }

    private static Denom denom(String groupId, int count) {
        return new Denom(PARTICIPANTS, List.of(new DenomCount(groupId, count)));
    }

    private static AdverseEvent event(String term, String organSystem, int affected, int atRisk) {
        return new AdverseEvent(term, organSystem, CTCAE_VOCABULARY, "SYSTEMATIC_ASSESSMENT",
                List.of(new EventStats(EVENT_GROUP, null, affected, atRisk)));
    }
}
