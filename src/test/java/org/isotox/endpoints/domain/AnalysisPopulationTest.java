package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isotox.endpoints.domain.AnalysisPopulation.ALL_ENROLLED;
import static org.isotox.endpoints.domain.AnalysisPopulation.PROTOCOL;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.isotox.endpoints.domain.SubjectFollowUp.TumourAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who each analysis population keeps and how a withdrawn subject counts, over five subjects
 * enrolled on one day (days from enrolment):
 * <ul>
 *   <li>A dies on day 100;</li>
 *   <li>B progresses on day 200 (assessed then and on day 400), last seen on day 500;</li>
 *   <li>C has no event (assessed on day 300), last seen on day 600;</li>
 *   <li>D is withdrawn on day 30 after an event-free course (assessed on day 20); its death on
 *       day 45, after the withdrawal, is on record;</li>
 *   <li>E progresses on day 40 and is withdrawn on day 60 (seen again on day 300).</li>
 * </ul>
 *
 * <p>The expected curves are worked out by hand with the product-limit formula (Kaplan and Meier
 * 1958; Klein and Moeschberger, Survival Analysis, 2nd ed. 2003, section 4.2):
 * S(t) = product over the event times t_i <= t of (1 - d_i / n_i), where d_i subjects have the event
 * at t_i among the n_i still at risk (observed until t_i or later; a censoring at t_i is still at risk).
 */
class AnalysisPopulationTest {

    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2031, 1, 1);
    private static final double DAYS_PER_MONTH = 30.4375;

    private static final SubjectFollowUp A = onStudy("A", Optional.of(day(100)), Optional.empty(), List.of());
    private static final SubjectFollowUp B = onStudy("B", Optional.empty(), Optional.of(day(500)),
            List.of(progression(200), assessment(400)));
    private static final SubjectFollowUp C = onStudy("C", Optional.empty(), Optional.of(day(600)), List.of(assessment(300)));
    private static final SubjectFollowUp D = withdrawn("D", Optional.of(day(45)), Optional.of(day(30)), Optional.of(day(30)),
            List.of(assessment(20)));
    private static final SubjectFollowUp E = withdrawn("E", Optional.empty(), Optional.of(day(300)), Optional.of(day(60)),
            List.of(progression(40)));
    private static final List<SubjectFollowUp> SUBJECTS = List.of(A, B, C, D, E);

    @Test
    void theProtocolPopulationLeavesBothWithdrawnSubjectsOut() {
        // OS: A dies at 100 with A, B, C at risk: S = 1 - 1/3 = 2/3.
        assertThat(table(curve(PROTOCOL, Endpoint.OS))).containsExactly(
                "day 100: at risk 3, events 1, censored 0, S 0.666667",
                "day 500: at risk 2, events 0, censored 1, S 0.666667",
                "day 600: at risk 1, events 0, censored 1, S 0.666667");
        // PFS: A's death at 100 (3 at risk): 2/3; B's progression at 200 (2 at risk): 2/3 * 1/2 = 1/3.
        assertThat(table(curve(PROTOCOL, Endpoint.PFS))).containsExactly(
                "day 100: at risk 3, events 1, censored 0, S 0.666667",
                "day 200: at risk 2, events 1, censored 0, S 0.333333",
                "day 300: at risk 1, events 0, censored 1, S 0.333333");
    }

    @Test
    void allEnrolledCensorsOverallSurvivalAtTheWithdrawalAndIgnoresADeathAfterIt() {
        SurvivalCurve os = curve(ALL_ENROLLED, Endpoint.OS);

        // D censored at 30 (its death at 45 is after the withdrawal), E at 60; then as above with 3 at risk.
        assertThat(table(os)).containsExactly(
                "day 30: at risk 5, events 0, censored 1, S 1.000000",
                "day 60: at risk 4, events 0, censored 1, S 1.000000",
                "day 100: at risk 3, events 1, censored 0, S 0.666667",
                "day 500: at risk 2, events 0, censored 1, S 0.666667",
                "day 600: at risk 1, events 0, censored 1, S 0.666667");
        assertThat(os.subjects()).isEqualTo(5);
        assertThat(os.events()).isEqualTo(1);
    }

    @Test
    void allEnrolledCountsAProgressionBeforeTheWithdrawal() {
        SurvivalCurve pfs = curve(ALL_ENROLLED, Endpoint.PFS);

        // D censored at its last assessment before the withdrawal (20); E's progression at 40 with
        // E, A, B, C at risk: S = 1 - 1/4 = 3/4; A's death at 100 (3 at risk): 3/4 * 2/3 = 1/2;
        // B's progression at 200 (2 at risk): 1/2 * 1/2 = 1/4.
        assertThat(table(pfs)).containsExactly(
                "day 20: at risk 5, events 0, censored 1, S 1.000000",
                "day 40: at risk 4, events 1, censored 0, S 0.750000",
                "day 100: at risk 3, events 1, censored 0, S 0.500000",
                "day 200: at risk 2, events 1, censored 0, S 0.250000",
                "day 300: at risk 1, events 0, censored 1, S 0.250000");
        assertThat(pfs.events()).isEqualTo(3);
        // S is exactly 1/2 from day 100 to the next event at 200: survfit's median is the midpoint.
        assertThat(pfs.median().estimate()).hasValue(150 / DAYS_PER_MONTH);
        assertThat(curve(PROTOCOL, Endpoint.PFS).median().estimate()).hasValue(200 / DAYS_PER_MONTH);
    }

    @ParameterizedTest(name = "death on day {0}, withdrawal on day 60: {1} at day {2}")
    @CsvSource({"59, event, 59", "60, event, 60", "61, censored, 60"})
    void aDeathCountsUpToTheWithdrawalDayInclusive(int deathDay, String outcome, int timeDay) {
        SubjectFollowUp subject = withdrawn("F", Optional.of(day(deathDay)), Optional.empty(), Optional.of(day(60)), List.of());

        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.OS, subject, AS_OF))
                .hasValue(new TimeToEvent(timeDay / DAYS_PER_MONTH, outcome.equals("event")));
        assertThat(PROTOCOL.timeToEvent(Endpoint.OS, subject, AS_OF)).isEmpty();
    }

    @Test
    void aProgressionAfterTheWithdrawalLeavesTumourEndpointsCensoredAtTheLastAssessmentBeforeIt() {
        SubjectFollowUp subject = withdrawn("G", Optional.empty(), Optional.empty(), Optional.of(day(100)),
                List.of(assessment(90), new TumourAssessment(day(150), true, true)));

        for (Endpoint endpoint : List.of(Endpoint.PFS, Endpoint.TTP, Endpoint.LC)) {
            assertThat(ALL_ENROLLED.timeToEvent(endpoint, subject, AS_OF)).as(endpoint.name())
                    .hasValue(TimeToEvent.censored(90 / DAYS_PER_MONTH));
        }
        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.OS, subject, AS_OF)).hasValue(TimeToEvent.censored(100 / DAYS_PER_MONTH));
    }

    @Test
    void withoutAWithdrawalDateTheFollowUpEndsWhenTheSubjectWasLastSeen() {
        SubjectFollowUp seen = withdrawn("H", Optional.of(day(400)), Optional.of(day(250)), Optional.empty(), List.of());
        SubjectFollowUp neverSeen = withdrawn("I", Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        assertThat(seen.followedUntil()).hasValue(day(250));
        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.OS, seen, AS_OF)).hasValue(TimeToEvent.censored(250 / DAYS_PER_MONTH));
        assertThat(neverSeen.followedUntil()).hasValue(ENROLLED);
        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.OS, neverSeen, AS_OF)).hasValue(TimeToEvent.censored(0));
    }

    @Test
    void aSubjectWithdrawnAfterTheAnalysisDateWasStillFollowedThen() {
        LocalDate asOf = day(50);

        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.PFS, E, asOf)).hasValue(TimeToEvent.event(40 / DAYS_PER_MONTH));
        assertThat(ALL_ENROLLED.timeToEvent(Endpoint.OS, E, asOf)).isEqualTo(Optional.of(Endpoint.OS.of(E, asOf)));
        assertThat(PROTOCOL.timeToEvent(Endpoint.OS, E, asOf)).as("the protocol leaves any withdrawn subject out").isEmpty();
    }

    @Test
    void aSubjectNotWithdrawnCountsTheSameInBoth() {
        for (Endpoint endpoint : Endpoint.values()) {
            assertThat(ALL_ENROLLED.timeToEvent(endpoint, B, AS_OF)).hasValue(endpoint.of(B, AS_OF))
                    .isEqualTo(PROTOCOL.timeToEvent(endpoint, B, AS_OF));
        }
    }

    @Test
    void populationsAreNamedByTheirCodes() {
        assertThat(AnalysisPopulation.ofCode("protocol")).hasValue(PROTOCOL);
        assertThat(AnalysisPopulation.ofCode("all-enrolled")).hasValue(ALL_ENROLLED);
        assertThat(AnalysisPopulation.ofCode("per-protocol")).isEmpty();
    }

    @Test
    void onlyAWithdrawnSubjectHasAWithdrawalDate() {
        assertThatThrownBy(() -> new SubjectFollowUp("J", ENROLLED, Optional.empty(), Optional.empty(), List.of(),
                false, Optional.of(day(10))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SurvivalCurve curve(AnalysisPopulation population, Endpoint endpoint) {
        return population.survival(SUBJECTS, AS_OF, new KaplanMeierEstimator()).get(endpoint);
    }

    private static List<String> table(SurvivalCurve curve) {
        return curve.rows().stream()
                .map(row -> String.format(Locale.ROOT, "day %d: at risk %d, events %d, censored %d, S %.6f",
                        Math.round(row.time() * DAYS_PER_MONTH), row.atRisk(), row.events(), row.censored(), row.survival()))
                .toList();
    }

    private static SubjectFollowUp onStudy(String subject, Optional<LocalDate> death, Optional<LocalDate> lastContact,
            List<TumourAssessment> assessments) {
        return new SubjectFollowUp(subject, ENROLLED, death, lastContact, assessments);
    }

    private static SubjectFollowUp withdrawn(String subject, Optional<LocalDate> death, Optional<LocalDate> lastContact,
            Optional<LocalDate> withdrawalDate, List<TumourAssessment> assessments) {
        return new SubjectFollowUp(subject, ENROLLED, death, lastContact, assessments, true, withdrawalDate);
    }

    private static TumourAssessment assessment(int days) {
        return new TumourAssessment(day(days), false, false);
    }

    private static TumourAssessment progression(int days) {
        return new TumourAssessment(day(days), true, true);
    }

    private static LocalDate day(int days) {
        return ENROLLED.plusDays(days);
    }
}
