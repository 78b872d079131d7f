package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isotox.endpoints.domain.SubjectFollowUp.TumourAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event or censoring time of each endpoint, in months of 30.4375 days from enrolment. */
class EndpointTest {

    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2031, 1, 1);

    /** Progression out of field at day 200, in field at day 400, death at day 600, last contact day 550. */
    private static final SubjectFollowUp PROGRESSED_THEN_DIED = new SubjectFollowUp(
            "ResearchSubject/1", ENROLLED, Optional.of(ENROLLED.plusDays(600)), Optional.of(ENROLLED.plusDays(550)),
            List.of(
                    new TumourAssessment(ENROLLED.plusDays(100), false, false),
                    new TumourAssessment(ENROLLED.plusDays(200), true, false),
                    new TumourAssessment(ENROLLED.plusDays(400), true, true)));

    @ParameterizedTest(name = "{0}: {1} days, event {2}")
    @CsvSource({"OS, 600, true", "PFS, 200, true", "TTP, 200, true", "LC, 400, true"})
    void eachEndpointTakesItsOwnEvent(Endpoint endpoint, int days, boolean event) {
        TimeToEvent time = endpoint.of(PROGRESSED_THEN_DIED, AS_OF);

        assertThat(time.time()).isEqualTo(days / 30.4375);
        assertThat(time.event()).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}: {1} days, event {2}")
    @CsvSource({"OS, 300, true", "PFS, 300, true", "TTP, 250, false", "LC, 250, false"})
    void deathWithoutProgressionIsAnEventForOsAndPfsOnly(Endpoint endpoint, int days, boolean event) {
        SubjectFollowUp diedWithoutProgression = new SubjectFollowUp("ResearchSubject/2", ENROLLED,
                Optional.of(ENROLLED.plusDays(300)), Optional.empty(),
                List.of(new TumourAssessment(ENROLLED.plusDays(90), false, false),
                        new TumourAssessment(ENROLLED.plusDays(250), false, false)));

        TimeToEvent time = endpoint.of(diedWithoutProgression, AS_OF);

        assertThat(time.time()).isEqualTo(days / 30.4375);
        assertThat(time.event()).isEqualTo(event);
    }

    @Test
    void eventsAfterTheAnalysisDateAreNotYetKnown() {
        LocalDate asOf = ENROLLED.plusDays(450);

        assertThat(Endpoint.OS.of(PROGRESSED_THEN_DIED, asOf)).isEqualTo(TimeToEvent.censored(400 / 30.4375));
        assertThat(Endpoint.LC.of(PROGRESSED_THEN_DIED, asOf)).isEqualTo(TimeToEvent.event(400 / 30.4375));
        assertThat(Endpoint.LC.of(PROGRESSED_THEN_DIED, ENROLLED.plusDays(399))).isEqualTo(TimeToEvent.censored(200 / 30.4375));
    }

    @Test
    void survivorIsCensoredAtTheLastDateKnownAlive() {
        SubjectFollowUp alive = new SubjectFollowUp("ResearchSubject/3", ENROLLED, Optional.empty(),
                Optional.of(ENROLLED.plusDays(700)), List.of(new TumourAssessment(ENROLLED.plusDays(650), false, false)));

        assertThat(Endpoint.OS.of(alive, AS_OF)).isEqualTo(TimeToEvent.censored(700 / 30.4375));
        assertThat(Endpoint.PFS.of(alive, AS_OF)).isEqualTo(TimeToEvent.censored(650 / 30.4375));
    }

    @Test
    void subjectWithoutAnyAssessmentIsCensoredAtEnrolment() {
        SubjectFollowUp unassessed = new SubjectFollowUp("ResearchSubject/4", ENROLLED, Optional.empty(), Optional.empty(), List.of());

        assertThat(Endpoint.PFS.of(unassessed, AS_OF)).isEqualTo(TimeToEvent.censored(0));
        assertThat(Endpoint.OS.of(unassessed, AS_OF)).isEqualTo(TimeToEvent.censored(0));
    }
}
