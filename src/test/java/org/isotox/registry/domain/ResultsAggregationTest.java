package org.isotox.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.registry.domain.RecordExamples.ARM;
import static org.isotox.registry.domain.RecordExamples.GI;
import static org.isotox.registry.domain.RecordExamples.RESPIRATORY;
import static org.isotox.registry.domain.RecordExamples.event;
import static org.isotox.registry.domain.RecordExamples.subject;

import java.util.List;
import java.util.OptionalDouble;
import org.isotox.registry.domain.ResultsSection.AdverseEvent;
import org.isotox.registry.domain.ResultsSection.Measure;
import org.isotox.registry.domain.SubjectResult.Disposition;
import org.junit.jupiter.api.Test;

/**
 * Five subjects: two completed (one with grade 2 and grade 4 esophagitis, one with grade 2
 * pneumonitis), one withdrew, one was lost, one died after severe pneumonitis.
 */
class ResultsAggregationTest {

    private static final List<SubjectResult> SUBJECTS = List.of(
            subject("S1", 60, "male", Disposition.COMPLETED, false, true,
                    event("Esophagitis", GI, false), event("Esophagitis", GI, true)),
            subject("S2", 70, "female", Disposition.COMPLETED, false, false, event("Pneumonitis", RESPIRATORY, false)),
            subject("S3", 65, "female", Disposition.WITHDRAWAL, false, false),
            subject("S4", 80, "male", Disposition.LOST_TO_FOLLOW_UP, false, false),
            subject("S5", 75, "male", Disposition.DEATH, true, true, event("Pneumonitis", RESPIRATORY, true)));
    private static final List<SurvivalSummary> SURVIVAL = List.of(
            new SurvivalSummary("OS", 3, OptionalDouble.of(14.2), OptionalDouble.of(9.1), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty()),
            new SurvivalSummary("LC", 3, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.of(66.666667), OptionalDouble.empty()));

    private final ResultsSection results =
            new ResultsAggregation().results(ARM, SUBJECTS, SURVIVAL, "5 years", "90 days after RT");

    @Test
    void participantFlowCountsEachWayOfLeaving() {
        var period = results.participantFlowModule().periods().get(0);

        assertThat(period.milestones()).extracting(m -> m.type() + "=" + m.achievements().get(0).numSubjects())
                .containsExactly("STARTED=5", "COMPLETED=2", "NOT COMPLETED=3");
        assertThat(period.dropWithdraws()).extracting(d -> d.type() + "=" + d.reasons().get(0).numSubjects())
                .containsExactly("Withdrawal by Subject=1", "Lost to Follow-up=1", "Death=1");
    }

    @Test
    void aSubjectStillOnStudyCountsAsStartedOnly() {
        List<SubjectResult> withOngoing = new java.util.ArrayList<>(SUBJECTS);
        withOngoing.add(subject("S6", 50, "male", null, false, false));

        var period = new ResultsAggregation().participantFlow(ARM, withOngoing).periods().get(0);

        assertThat(period.milestones()).extracting(m -> m.achievements().get(0).numSubjects()).containsExactly(6, 2, 3);
    }

    @Test
    void baselineHasMedianAgeWithRangeAndCountsBySexAndStage() {
        List<Measure> measures = results.baselineCharacteristicsModule().measures();

        var age = measures.get(0).classes().get(0).categories().get(0).measurements().get(0);
        assertThat(List.of(age.value(), age.lowerLimit(), age.upperLimit())).containsExactly("70", "60", "80");
        assertThat(measures.get(1).classes().get(0).categories())
                .extracting(c -> c.title() + "=" + c.measurements().get(0).value())
                .containsExactly("Female=2", "Male=3");
        assertThat(measures.get(3).classes().get(0).categories())
                .extracting(c -> c.title() + "=" + c.measurements().get(0).value())
                .containsExactly("IIIB=5");
    }

    @Test
    void outcomesStateSevereToxicitiesAndMediansOrWhyNot() {
        var outcomes = results.outcomeMeasuresModule().outcomeMeasures();

        assertThat(outcomes.get(0).type()).isEqualTo("PRIMARY");
        assertThat(outcomes.get(0).classes().get(0).categories().get(0).measurements().get(0).value()).isEqualTo("2");
        assertThat(outcomes.get(0).timeFrame()).isEqualTo("90 days after RT");
        var os = outcomes.get(1).classes().get(0).categories().get(0).measurements().get(0);
        assertThat(List.of(os.value(), os.lowerLimit(), os.upperLimit())).containsExactly("14.2", "9.1", "NA");
        assertThat(os.comment()).isNotBlank();
        var lc = outcomes.get(2);
        assertThat(lc.classes()).extracting(c -> c.categories().get(0).measurements().get(0).value())
                .containsExactly("66.67", "NA");
    }

    @Test
    void adverseEventsCountEachSubjectOncePerTermAtItsWorst() {
        var events = results.adverseEventsModule();

        assertThat(events.eventGroups().get(0)).satisfies(g -> {
            assertThat(g.deathsNumAffected()).isEqualTo(1);
            assertThat(g.seriousNumAffected()).isEqualTo(2);
            assertThat(g.otherNumAffected()).isEqualTo(1);
            assertThat(g.otherNumAtRisk()).isEqualTo(5);
        });
        assertThat(events.seriousEvents()).extracting(ResultsAggregationTest::summary)
                .containsExactly("Esophagitis/" + GI + "=1", "Pneumonitis/" + RESPIRATORY + "=1");
        assertThat(events.otherEvents()).extracting(ResultsAggregationTest::summary)
                .containsExactly("Pneumonitis/" + RESPIRATORY + "=1");
    }

    @Test
    void theAggregatedRecordPassesTheRules() {
        assertThat(new RecordRules().check(new StudyRecord(RecordExamples.registration(), results))).isEmpty();
    }

    private static String summary(AdverseEvent event) {
        return event.term() + "/" + event.organSystem() + "=" + event.stats().get(0).numAffected();
    }
}
