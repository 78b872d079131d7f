package org.isotox.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.registry.domain.RecordExamples.ARM;
import static org.isotox.registry.domain.RecordExamples.GI;
import static org.isotox.registry.domain.RecordExamples.event;
import static org.isotox.registry.domain.RecordExamples.registration;
import static org.isotox.registry.domain.RecordExamples.subject;

import java.util.List;
import org.isotox.registry.domain.ProtocolSection.IdentificationModule;
import org.isotox.registry.domain.ResultsSection.AdverseEvent;
import org.isotox.registry.domain.ResultsSection.AdverseEventsModule;
import org.isotox.registry.domain.ResultsSection.EventGroup;
import org.isotox.registry.domain.ResultsSection.EventStats;
import org.isotox.registry.domain.ResultsSection.Milestone;
import org.isotox.registry.domain.ResultsSection.ParticipantFlowModule;
import org.isotox.registry.domain.ResultsSection.Period;
import org.isotox.registry.domain.SubjectResult.Disposition;
import org.junit.jupiter.api.Test;

class RecordRulesTest {

    private final RecordRules rules = new RecordRules();

    @Test
    void aCompleteRegistrationPasses() {
        assertThat(rules.check(new StudyRecord(registration(), null))).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        ProtocolSection complete = registration();
        ProtocolSection missing = new ProtocolSection(
                new IdentificationModule("NCT0360629", null, null, null, "Official", null),
                new ProtocolSection.StatusModule(null, null, null, new ProtocolSection.DateStruct("Aug 2018", null), null, null),
                complete.sponsorCollaboratorsModule(), complete.descriptionModule(), complete.conditionsModule(),
                complete.designModule(), complete.armsInterventionsModule(), complete.outcomesModule(), null, null);

        assertThat(rules.check(new StudyRecord(missing, null))).extracting(RecordProblem::expression).containsExactly(
                "protocolSection.identificationModule.nctId",
                "protocolSection.identificationModule.briefTitle",
                "protocolSection.identificationModule.orgStudyIdInfo.id",
                "protocolSection.statusModule.overallStatus",
                "protocolSection.statusModule.startDateStruct.date",
                "protocolSection.eligibilityModule.eligibilityCriteria",
                "protocolSection.eligibilityModule.sex");
    }

    @Test
    void aSubjectWithoutAnOutcomeBreaksTheFlowCounts() {
        ResultsSection results = new ResultsAggregation().results(ARM, List.of(
                subject("S1", 60, "male", Disposition.COMPLETED, false, false),
                subject("S2", 61, "male", null, false, false)), List.of(), "5 years", "90 days");

        assertThat(rules.check(new StudyRecord(registration(), results))).containsExactly(new RecordProblem(
                "resultsSection.participantFlowModule.periods[0].milestones",
                "Group FG000: 2 started but 1 completed and 0 not completed (1): every participant who started must have completed or not"));
    }

    @Test
    void reasonsMustAccountForEveryoneNotCompletedAndMilestoneTypesMustBeTheRegistrys() {
        var group = new ResultsSection.Group("FG000", "arm", null);
        var flow = new ParticipantFlowModule(List.of(group), List.of(new Period("Overall Study", List.of(
                milestone("STARTED", 3), milestone("COMPLETED", 1), milestone("NOT COMPLETED", 2), milestone("DROPPED", 1)),
                List.of(new ResultsSection.DropWithdraw("Death", List.of(new ResultsSection.Count("FG000", 1)))))));
        ResultsSection aggregated = new ResultsAggregation().results(ARM, List.of(
                subject("S1", 60, "male", Disposition.COMPLETED, false, false),
                subject("S2", 60, "male", Disposition.DEATH, true, false),
                subject("S3", 60, "male", Disposition.WITHDRAWAL, false, false)), List.of(), "5 years", "90 days");
        ResultsSection results = new ResultsSection(flow, aggregated.baselineCharacteristicsModule(),
                aggregated.outcomeMeasuresModule(), aggregated.adverseEventsModule());

        assertThat(rules.check(new StudyRecord(registration(), results))).extracting(RecordProblem::expression).containsExactly(
                "resultsSection.participantFlowModule.periods[0].milestones[3].type",
                "resultsSection.participantFlowModule.periods[0].dropWithdraws");
    }

    @Test
    void moreAffectedThanAtRiskAndUnknownCodesAreRefused() {
        ResultsSection aggregated = new ResultsAggregation().results(ARM, List.of(
                subject("S1", 60, "male", Disposition.COMPLETED, false, false, event("Esophagitis", GI, true))),
                List.of(), "5 years", "90 days");
        AdverseEventsModule events = new AdverseEventsModule("0", "5 years", null,
                List.of(new EventGroup("EG000", "arm", null, 0, 1, 2, 1, 0, 1)),
                List.of(new AdverseEvent("Esophagitis", GI, "CTCAE (5.0)", "SOMETIMES", List.of(new EventStats("EG000", null, 2, 1)))),
                List.of());
        ResultsSection results = new ResultsSection(aggregated.participantFlowModule(), aggregated.baselineCharacteristicsModule(),
                aggregated.outcomeMeasuresModule(), events);

        assertThat(rules.check(new StudyRecord(registration(), results))).extracting(RecordProblem::expression).containsExactly(
                "resultsSection.adverseEventsModule.eventGroups[0].seriousNumAffected",
                "resultsSection.adverseEventsModule.seriousEvents[0].assessmentType",
                "resultsSection.adverseEventsModule.seriousEvents[0].stats[0].numAffected");
    }

    @Test
    void baselineMustCountTheParticipantsWhoStarted() {
        ResultsSection aggregated = new ResultsAggregation().results(ARM, List.of(
                subject("S1", 60, "male", Disposition.COMPLETED, false, false),
                subject("S2", 60, "female", Disposition.COMPLETED, false, false)), List.of(), "5 years", "90 days");
        var baseline = aggregated.baselineCharacteristicsModule();
        var wrongDenominator = new ResultsSection.BaselineCharacteristicsModule(baseline.groups(),
                List.of(new ResultsSection.Denom("Participants", List.of(new ResultsSection.DenomCount("BG000", 3)))),
                baseline.measures());
        ResultsSection results = new ResultsSection(aggregated.participantFlowModule(), wrongDenominator,
                aggregated.outcomeMeasuresModule(), aggregated.adverseEventsModule());

        assertThat(rules.check(new StudyRecord(registration(), results))).extracting(RecordProblem::expression).containsExactly(
                "resultsSection.baselineCharacteristicsModule.denoms",
                "resultsSection.baselineCharacteristicsModule.measures[1]",
                "resultsSection.baselineCharacteristicsModule.measures[3]");
    }

    private static Milestone milestone(String type, int count) {
        return new Milestone(type, List.of(new ResultsSection.Count("FG000", count)));
    }
}
