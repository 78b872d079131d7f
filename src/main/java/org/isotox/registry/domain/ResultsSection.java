package org.isotox.registry.domain;

import java.util.List;

/**
 * The results part of a record. Coded fields (milestone types, parameter types, ...) are strings
 * here, as the registry writes them; {@link RecordRules} checks that each is one the registry knows.
 */
public record ResultsSection(
        ParticipantFlowModule participantFlowModule,
        BaselineCharacteristicsModule baselineCharacteristicsModule,
        OutcomeMeasuresModule outcomeMeasuresModule,
        AdverseEventsModule adverseEventsModule) {

    /** A group of participants ({@code FG000}, {@code BG000}, {@code OG000}, {@code EG000}: one per arm). */
    public record Group(String id, String title, String description) {}

    public record ParticipantFlowModule(List<Group> groups, List<Period> periods) {}

    public record Period(String title, List<Milestone> milestones, List<DropWithdraw> dropWithdraws) {}

    public record Milestone(String type, List<Count> achievements) {}

    public record DropWithdraw(String type, List<Count> reasons) {}

    public record Count(String groupId, Integer numSubjects) {}

    public record BaselineCharacteristicsModule(List<Group> groups, List<Denom> denoms, List<Measure> measures) {}

    public record Denom(String units, List<DenomCount> counts) {}

    public record DenomCount(String groupId, Integer value) {}

    public record Measure(
            String title, String paramType, String dispersionType, String unitOfMeasure, List<MeasureClass> classes) {}

    public record MeasureClass(String title, List<Category> categories) {}

    public record Category(String title, List<Measurement> measurements) {}

    /** A value as the registry writes it: a number, or {@code NA} with a comment saying why. */
    public record Measurement(String groupId, String value, String lowerLimit, String upperLimit, String comment) {}

    public record OutcomeMeasuresModule(List<OutcomeMeasure> outcomeMeasures) {}

    public record OutcomeMeasure(
            String type, String title, String description, String populationDescription, String reportingStatus,
            String paramType, String dispersionType, String unitOfMeasure, String timeFrame, List<Group> groups,
            List<Denom> denoms, List<MeasureClass> classes) {}

    public record AdverseEventsModule(
            String frequencyThreshold, String timeFrame, String description, List<EventGroup> eventGroups,
            List<AdverseEvent> seriousEvents, List<AdverseEvent> otherEvents) {}

    public record EventGroup(
            String id, String title, String description, Integer deathsNumAffected, Integer deathsNumAtRisk,
            Integer seriousNumAffected, Integer seriousNumAtRisk, Integer otherNumAffected, Integer otherNumAtRisk) {}

    public record AdverseEvent(
            String term, String organSystem, String sourceVocabulary, String assessmentType, List<EventStats> stats) {}

    public record EventStats(String groupId, Integer numEvents, Integer numAffected, Integer numAtRisk) {}
}
