package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.dose.domain.RecordedCourse.Status;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.junit.jupiter.api.Test;

/**
 * When a course ends: completed, stopped by the site, or stopped after the study's days without a
 * fraction (IHR: 28), and the stop as a break that grows day by day (issue 23, D1 and D2).
 */
class RecordedCourseTest {

    private static final CourseEndRule IHR = CourseEndRule.afterDaysWithoutFraction(28);
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 12);
    private static final LocalDate LAST = LocalDate.of(2026, 1, 23);
    private static final ToxicityRecord.Term ESOPHAGITIS = new ToxicityRecord.Term("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C57797");

    @Test
    void aRunningCourseStopsOnTheTwentyEighthDayWithoutAFraction() {
        RecordedCourse running = course(Status.RUNNING, Optional.empty());

        assertThat(running.on(LAST.plusDays(27), IHR).phase()).isEqualTo(CoursePhase.RUNNING);
        assertThat(running.on(LAST.plusDays(27), IHR).end()).isEmpty();
        CourseState stopped = running.on(LAST.plusDays(28), IHR);
        assertThat(stopped.phase()).isEqualTo(CoursePhase.STOPPED_WITHOUT_FRACTIONS);
        assertThat(stopped.end()).contains(LAST);
    }

    @Test
    void withoutTheStudysNumberOnlyTheSiteStopsACourse() {
        RecordedCourse running = course(Status.RUNNING, Optional.empty());

        assertThat(running.on(LAST.plusDays(400), CourseEndRule.WHEN_THE_SITE_SAYS).phase()).isEqualTo(CoursePhase.RUNNING);
        RadiotherapyInterruption stop = course(Status.STOPPED, Optional.empty())
                .breaksOn(LAST.plusDays(9), CourseEndRule.WHEN_THE_SITE_SAYS).get(0);
        assertThat(stop.days()).isEqualTo(9);
        assertThat(stop.to()).isEqualTo(LocalDate.MAX);
    }

    @Test
    void aSiteStopEndsTheCourseAtItsLastFractionAtOnce() {
        CourseState state = course(Status.STOPPED, Optional.of(ESOPHAGITIS)).on(LAST.plusDays(1), IHR);

        assertThat(state.phase()).isEqualTo(CoursePhase.STOPPED_BY_SITE);
        assertThat(state.end()).contains(LAST);
        assertThat(state.stopReason()).contains(ESOPHAGITIS);
    }

    @Test
    void beforeItsLastFractionACourseWasRunning() {
        CourseState state = course(Status.COMPLETED, Optional.empty()).on(LAST.minusDays(1), IHR);

        assertThat(state.phase()).isEqualTo(CoursePhase.RUNNING);
        assertThat(state.end()).isEmpty();
        assertThat(course(Status.COMPLETED, Optional.empty()).on(LAST, IHR).end()).contains(LAST);
    }

    @Test
    void aStopIsABreakFromTheLastFractionThatGrowsDayByDay() {
        RecordedCourse stopped = course(Status.STOPPED, Optional.of(ESOPHAGITIS));

        assertThat(stopBreak(stopped, LAST.plusDays(6)).days()).isEqualTo(6);
        assertThat(stopBreak(stopped, LAST.plusDays(7)).days()).isEqualTo(7);
        RadiotherapyInterruption eighth = stopBreak(stopped, LAST.plusDays(8));
        assertThat(eighth.days()).isEqualTo(8);
        assertThat(eighth.from()).isEqualTo(LAST);
        assertThat(eighth.to()).isEqualTo(LAST.plusDays(28));
        assertThat(eighth.reason()).contains(ESOPHAGITIS);
    }

    @Test
    void aPauseThatMayStillResumeIsNoBreakYet() {
        assertThat(course(Status.RUNNING, Optional.empty()).breaksOn(LAST.plusDays(20), IHR)).isEmpty();
        assertThat(course(Status.COMPLETED, Optional.empty()).breaksOn(LAST.plusDays(20), IHR)).isEmpty();
    }

    @Test
    void aCourseStoppedBeforeItsFirstFractionHasNoEnd() {
        RecordedCourse refused = new RecordedCourse(Status.STOPPED, Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        assertThat(refused.on(LAST, IHR).phase()).isEqualTo(CoursePhase.STOPPED_BY_SITE);
        assertThat(refused.on(LAST, IHR).end()).isEmpty();
        assertThat(RecordedCourse.NONE.on(LAST, IHR).phase()).isEqualTo(CoursePhase.NOT_STARTED);
    }

    @Test
    void twoRecordsOfOnePatientRunWhileEitherRuns() {
        RecordedCourse ehr = course(Status.COMPLETED, Optional.empty());
        RecordedCourse boost = new RecordedCourse(Status.STOPPED, Optional.of(LAST.plusDays(3)), Optional.of(LAST.plusDays(5)),
                Optional.of(ESOPHAGITIS), List.of());

        RecordedCourse both = ehr.plus(boost);
        assertThat(both.status()).isEqualTo(Status.STOPPED);
        assertThat(both.firstFraction()).contains(FIRST);
        assertThat(both.lastFraction()).contains(LAST.plusDays(5));
        assertThat(both.plus(course(Status.RUNNING, Optional.empty())).status()).isEqualTo(Status.RUNNING);
    }

    private static RadiotherapyInterruption stopBreak(RecordedCourse course, LocalDate day) {
        List<RadiotherapyInterruption> breaks = course.breaksOn(day, IHR);
        assertThat(breaks).hasSize(1);
        return breaks.get(0);
    }

    private static RecordedCourse course(Status status, Optional<ToxicityRecord.Term> reason) {
        return new RecordedCourse(status, Optional.of(FIRST), Optional.of(LAST), reason, List.of());
    }
}
