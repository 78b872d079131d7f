package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.isotox.schedule.domain.AnchorDates;
import org.isotox.schedule.domain.DueWindow;
import org.isotox.schedule.domain.FollowUp;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.domain.ScheduledActivity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IHR schedule as the shipped study definition states it, for a subject enrolled on 5 January
 * 2026 whose radiotherapy ran from 12 January to 20 February 2026.
 */
class IhrScheduleTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    private static final AnchorDates RT_12_JANUARY_TO_20_FEBRUARY =
            new AnchorDates(ENROLLED, Optional.of(LocalDate.of(2026, 1, 12)), Optional.of(LocalDate.of(2026, 2, 20)));

    private static PlanDefinition protocol;

    @BeforeAll
    static void readShippedProtocol() throws IOException {
        try (InputStream in = IhrScheduleTest.class.getResourceAsStream("/isotox/studies/ihr/Bundle-ihr-study-definition.json")) {
            protocol = R4.newJsonParser().parseResource(Bundle.class, in).getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(PlanDefinition.class::isInstance)
                    .map(PlanDefinition.class::cast)
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void followUpVisitsFallOneMonthAfterRadiotherapyThenEveryThreeMonthsToYearTwoThenEverySixToYearFive() {
        assertThat(dueDays(activities(RT_12_JANUARY_TO_20_FEBRUARY), "follow-up-visit")).containsExactly(
                "2026-02-20",                                                   // end of radiotherapy
                "2026-03-20",                                                   // 1 month after
                "2026-05-20", "2026-08-20", "2026-11-20", "2027-02-20",         // every 3 months
                "2027-05-20", "2027-08-20", "2027-11-20", "2028-02-20",         // ... to 24 months
                "2028-08-20", "2029-02-20", "2029-08-20", "2030-02-20",         // every 6 months from 30
                "2030-08-20", "2031-02-20");                                    // ... to 60 months
    }

    @Test
    void qualityOfLifeAtBaselineWeekFourEndOfRadiotherapyAndEachVisit() {
        List<String> qol = dueDays(activities(RT_12_JANUARY_TO_20_FEBRUARY), "qol-assessment");

        assertThat(qol).hasSize(18).startsWith("2026-01-05", "2026-02-09", "2026-02-20", "2026-03-20", "2026-05-20");
        assertThat(qol.subList(2, 18)).isEqualTo(dueDays(activities(RT_12_JANUARY_TO_20_FEBRUARY), "follow-up-visit"));
    }

    @Test
    void responseCtAtEndOfRadiotherapyAndEachVisitImagingEverySixMonthsToYearFive() {
        List<ScheduledActivity> activities = activities(RT_12_JANUARY_TO_20_FEBRUARY);

        assertThat(dueDays(activities, "response-ct")).isEqualTo(dueDays(activities, "follow-up-visit"));
        assertThat(dueDays(activities, "toxicity-assessment")).isEqualTo(dueDays(activities, "follow-up-visit"));
        assertThat(dueDays(activities, "imaging")).containsExactly(
                "2026-08-20", "2027-02-20", "2027-08-20", "2028-02-20", "2028-08-20",
                "2029-02-20", "2029-08-20", "2030-02-20", "2030-08-20", "2031-02-20");
    }

    @Test
    void windowsAreTheDefinitionsGraceAndEarlyDays() {
        List<ScheduledActivity> activities = activities(RT_12_JANUARY_TO_20_FEBRUARY);

        // baseline: from 14 days before enrolment to 7 days after, and no later than the first fraction
        assertThat(window(activities, "qol-baseline/1")).isEqualTo(window("2025-12-22", "2026-01-05", "2026-01-12"));
        assertThat(window(activities, "qol-week-4/1")).isEqualTo(window("2026-02-02", "2026-02-09", "2026-02-16"));
        assertThat(window(activities, "end-of-rt/1")).isEqualTo(window("2026-02-13", "2026-02-20", "2026-03-06"));
        assertThat(window(activities, "visit-1-month/1")).isEqualTo(window("2026-03-13", "2026-03-20", "2026-03-27"));
        assertThat(window(activities, "visits-3-monthly-qol/1")).isEqualTo(window("2026-05-06", "2026-05-20", "2026-06-03"));
        assertThat(window(activities, "visits-6-monthly/6")).isEqualTo(window("2031-02-06", "2031-02-20", "2031-03-06"));
        assertThat(window(activities, "imaging-6-monthly/1")).isEqualTo(window("2026-08-06", "2026-08-20", "2026-09-03"));
    }

    @Test
    void radiotherapyEndingOnTheThirtyFirstKeepsMonthEndsWithoutDrift() {
        AnchorDates endsOn31March = new AnchorDates(ENROLLED, Optional.of(LocalDate.of(2026, 2, 16)), Optional.of(LocalDate.of(2026, 3, 31)));

        assertThat(dueDays(activities(endsOn31March), "follow-up-visit")).startsWith(
                "2026-03-31", "2026-04-30", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31");
    }

    @Test
    void atEnrolmentOnlyTheBaselineIsDatedAmongSeventySixPlannedActivities() {
        List<ScheduledActivity> activities = activities(AnchorDates.enrolledOn(ENROLLED));

        assertThat(activities).hasSize(76);
        assertThat(activities).filteredOn(ScheduledActivity::isDue).extracting(ScheduledActivity::key)
                .containsExactly("qol-baseline/1");
    }

    @Test
    void aScheduledActionWithoutWindowIsADefinitionError() {
        PlanDefinition broken = protocol.copy();
        broken.getAction().stream().filter(a -> a.getId().equals("qol-week-4")).findFirst().orElseThrow()
                .getExtension().clear();

        assertThatThrownBy(() -> new PlanScheduleReader().read(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'qol-week-4'")
                .hasMessageContaining("activity-window");
    }

    @Test
    void aDurationInAnUnknownUnitIsADefinitionError() {
        PlanDefinition broken = protocol.copy();
        broken.getAction().stream().filter(a -> a.getId().equals("visit-1-month")).findFirst().orElseThrow()
                .getRelatedActionFirstRep().getOffsetDuration().setCode("min");

        assertThatThrownBy(() -> new PlanScheduleReader().read(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'visit-1-month'")
                .hasMessageContaining("'min'");
    }

    private static List<ScheduledActivity> activities(AnchorDates anchors) {
        Schedule schedule = new PlanScheduleReader().read(protocol).orElseThrow();
        return schedule.activitiesOf(anchors, FollowUp.ongoing());
    }

    private static List<String> dueDays(List<ScheduledActivity> activities, String code) {
        return activities.stream()
                .filter(a -> a.code().equals(code))
                .map(a -> a.window().orElseThrow().due().toString())
                .sorted()
                .toList();
    }

    private static DueWindow window(List<ScheduledActivity> activities, String key) {
        return activities.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().window().orElseThrow();
    }

    private static DueWindow window(String opens, String due, String closes) {
        return new DueWindow(LocalDate.parse(opens), LocalDate.parse(due), LocalDate.parse(closes));
    }
}
