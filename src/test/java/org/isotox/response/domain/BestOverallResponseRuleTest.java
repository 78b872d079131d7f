package org.isotox.response.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.response.domain.Fixtures.BASELINE_DATE;
import static org.isotox.response.domain.Fixtures.CONFIRMATION_REQUIRED;
import static org.isotox.response.domain.Fixtures.FOUR_WEEKS;
import static org.isotox.response.domain.Fixtures.IHR_RULES;

/**
 * Sequences are written "day:response ..." with the day counted from baseline, which is also the
 * study entry unless said otherwise. Settings: the confirmation interval is 4 weeks (28 days,
 * section 4.6.1) and the SD minimum is 6 weeks (42 days).
 */
class BestOverallResponseRuleTest {

    private static List<BestOverallResponseRule.DatedResponse> sequence(String text) {
        return sequence(BASELINE_DATE, text);
    }

    private static List<BestOverallResponseRule.DatedResponse> sequence(LocalDate dayZero, String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+"))
                .map(step -> step.split(":", 2))
                .map(parts -> new BestOverallResponseRule.DatedResponse(
                        dayZero.plusDays(Integer.parseInt(parts[0])), Response.fromCode(parts[1])))
                .toList();
    }

    @Nested
    class ConfirmationNotRequired {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                // Section 4.4.3 example: SD, then PR, then PD -> best PR.
                "'42:SD 84:PR 126:PD',  PR",
                // Without confirmation a single CR or PR counts, however early.
                "'28:PR',               PR",
                "'28:CR 56:PD',         CR",
                "'28:PR 56:CR 84:PR',   CR",
                // Section 4.6.3: SD counts once it is at least the minimum (42 days) after study entry.
                "'42:SD',               SD",
                "'41:SD',               NE",
                "'41:SD 84:SD',         SD",
                // Section 4.4.3 example: SD too early, then PD -> best PD.
                "'28:SD 56:PD',         PD",
                // Section 4.4.3 example: SD too early, then lost to follow-up -> inevaluable.
                "'28:SD',               NE",
                "'42:NE 84:PD',         PD",
                "'42:NE 84:NE',         NE",
                "'42:NE 84:SD',         SD",
                // Best response is counted until progression; later time points do not count.
                "'28:PD 84:CR',         PD",
                "'28:SD 56:PD 98:SD',   PD",
        })
        void bestOverallResponse(String sequence, String expected) {
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence(sequence), true, IHR_RULES).response())
                    .isEqualTo(Response.fromCode(expected));
        }

        @Test
        void withoutAssessmentsTheBestResponseIsNotEvaluable() {
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, List.of(), true, IHR_RULES).response()).isEqualTo(Response.NE);
        }

        @Test
        void aZeroMinimumDurationLetsTheFirstStableDiseaseCount() {
            BestResponseRules rules = new BestResponseRules(
                    BestResponseRules.Confirmation.NOT_REQUIRED, FOUR_WEEKS, Period.ZERO);

            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence("1:SD"), true, rules).response())
                    .isEqualTo(Response.SD);
        }

        @Test
        void theMinimumDurationMayBeGivenInMonths() {
            // Baseline 2024-01-08 plus 3 months is 2024-04-08, day 91.
            BestResponseRules rules = new BestResponseRules(
                    BestResponseRules.Confirmation.NOT_REQUIRED, FOUR_WEEKS, Period.ofMonths(3));

            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence("90:SD"), true, rules).response())
                    .isEqualTo(Response.NE);
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence("91:SD"), true, rules).response())
                    .isEqualTo(Response.SD);
        }
    }

    @Nested
    class ConfirmationRequired {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                // Table 3 row CR, CR -> CR; confirmed exactly 28 days later.
                "'42:CR 70:CR',         CR",
                // 27 days is too soon: unconfirmed, but it meets SD at day 42.
                "'42:CR 69:CR',         SD",
                "'42:CR 56:CR 70:CR',   CR",
                // Table 3 row CR, PR -> "SD, PD or PR": counted as a confirmed PR (footnote a).
                "'42:CR 70:PR',         PR",
                // Table 3 row CR, SD -> SD when the SD minimum is met.
                "'42:CR 70:SD',         SD",
                // Table 3 row CR, PD -> SD when the SD minimum is met, otherwise PD.
                "'42:CR 84:PD',         SD",
                "'28:CR 56:PD',         PD",
                // Table 3 row CR, NE -> SD when the SD minimum is met, otherwise NE.
                "'42:CR 84:NE',         SD",
                "'28:CR 35:NE',         NE",
                // Table 3 row PR, CR -> PR.
                "'42:PR 84:CR',         PR",
                // Table 3 row PR, PR -> PR.
                "'42:PR 84:PR',         PR",
                // Table 3 row PR, SD -> SD.
                "'42:PR 84:SD',         SD",
                // Table 3 row PR, PD -> SD when the SD minimum is met, otherwise PD.
                "'42:PR 84:PD',         SD",
                "'28:PR 56:PD',         PD",
                // Table 3 row PR, NE -> SD when the SD minimum is met, otherwise NE.
                "'42:PR 84:NE',         SD",
                "'28:PR 35:NE',         NE",
                // Table 3 row NE, NE -> NE.
                "'42:NE 84:NE',         NE",
                // An NE in between does not break the confirmation; an SD does.
                "'42:PR 56:NE 84:PR',   PR",
                "'42:PR 56:SD 84:PR',   SD",
                "'42:CR 56:NE 84:CR',   CR",
                "'42:CR 56:PR 84:CR',   PR",
                // No confirmation after progression.
                "'28:PR 56:PD 84:PR',   PD",
                // An unconfirmed PR after the SD minimum still meets SD.
                "'28:SD 70:PR',         SD",
                "'28:SD 70:PR 112:PR',  PR",
        })
        void bestOverallResponse(String sequence, String expected) {
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence(sequence), true, CONFIRMATION_REQUIRED).response())
                    .isEqualTo(Response.fromCode(expected));
        }

        @Test
        void theConfirmationIntervalIsASetting() {
            BestResponseRules eightWeeks = new BestResponseRules(
                    BestResponseRules.Confirmation.REQUIRED, Period.ofWeeks(8), Period.ofWeeks(6));

            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence("42:PR 84:PR"), true, eightWeeks).response())
                    .isEqualTo(Response.SD);
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence("42:PR 98:PR"), true, eightWeeks).response())
                    .isEqualTo(Response.PR);
        }
    }

    @Nested
    class NonTargetDiseaseOnly {

        // Table 2 footnote a: for non-target disease only, the "stable" category is non-CR/non-PD.
        @ParameterizedTest(name = "{0}, confirmation {1} -> {2}")
        @CsvSource({
                "'42:non-CR/non-PD',            NOT_REQUIRED, non-CR/non-PD",
                "'28:non-CR/non-PD',            NOT_REQUIRED, NE",
                "'28:non-CR/non-PD 56:PD',      NOT_REQUIRED, PD",
                "'28:CR',                       NOT_REQUIRED, CR",
                "'42:CR 70:CR',                 REQUIRED,     CR",
                "'42:CR',                       REQUIRED,     non-CR/non-PD",
                "'42:non-CR/non-PD 84:NE',      REQUIRED,     non-CR/non-PD",
        })
        void bestOverallResponse(String sequence, BestResponseRules.Confirmation confirmation, String expected) {
            BestResponseRules rules = new BestResponseRules(confirmation, FOUR_WEEKS, Period.ofWeeks(6));

            assertThat(BestOverallResponseRule.best(BASELINE_DATE, sequence(sequence), false, rules).response())
                    .isEqualTo(Response.fromCode(expected));
        }
    }

    /**
     * RECIST 1.1 (Eisenhauer et al. 2009) counts the minimum duration of stable disease from study
     * entry (section 4.6.3: from the start of treatment), here 3 days after the baseline scan, as
     * a scan on 2 January before an enrolment on 5 January. Section 4.4.3 and Table 3 ("SD provided
     * minimum criteria for SD duration met, otherwise PD"): an SD too early is PD when progression
     * follows and NE when nothing evaluable does. Days are counted from study entry.
     */
    @Nested
    class TimedFromStudyEntry {

        private static final LocalDate STUDY_ENTRY = BASELINE_DATE.plusDays(3);

        @ParameterizedTest(name = "{0}, confirmation {1} -> {2}")
        @CsvSource({
                "'41:SD',                       NOT_REQUIRED, NE",
                "'41:SD 84:PD',                 NOT_REQUIRED, PD",
                "'41:SD 84:NE',                 NOT_REQUIRED, NE",
                "'41:SD 84:NE 126:PD',          NOT_REQUIRED, PD",
                "'41:SD 84:SD',                 NOT_REQUIRED, SD",
                "'42:SD',                       NOT_REQUIRED, SD",
                "'42:SD 84:PD',                 NOT_REQUIRED, SD",
                // An unconfirmed PR meets SD on the same terms.
                "'41:PR 84:PD',                 REQUIRED,     PD",
                "'42:PR 84:PD',                 REQUIRED,     SD",
        })
        void stableDiseaseCountsFromTheFortySecondDayAfterStudyEntry(
                String sequence, BestResponseRules.Confirmation confirmation, String expected) {
            BestResponseRules rules = new BestResponseRules(confirmation, FOUR_WEEKS, Period.ofDays(42));

            BestOverallResponse best =
                    BestOverallResponseRule.best(STUDY_ENTRY, sequence(STUDY_ENTRY, sequence), true, rules);

            assertThat(best.response()).isEqualTo(Response.fromCode(expected));
            assertThat(best.studyEntry()).isEqualTo(STUDY_ENTRY);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "'41:non-CR/non-PD 84:PD',      PD",
                "'42:non-CR/non-PD 84:PD',      non-CR/non-PD",
        })
        void soDoesNonTargetDiseaseOnly(String sequence, String expected) {
            assertThat(BestOverallResponseRule.best(STUDY_ENTRY, sequence(STUDY_ENTRY, sequence), false, IHR_RULES)
                    .response()).isEqualTo(Response.fromCode(expected));
        }

        @Test
        void theSameScansTimedFromTheBaselineWouldBeStableDisease() {
            // day 41 after study entry is day 44 after the baseline scan
            List<BestOverallResponseRule.DatedResponse> scans = sequence(STUDY_ENTRY, "41:SD 84:PD");

            assertThat(Stream.of(BASELINE_DATE, STUDY_ENTRY)
                    .map(from -> BestOverallResponseRule.best(from, scans, true, IHR_RULES).response()))
                    .containsExactly(Response.SD, Response.PD);
        }
    }

    /** The date of the best response is that of the assessment that determined it. */
    @Nested
    class DeterminingAssessment {

        @ParameterizedTest(name = "{0}, confirmation {1} -> {2} of day {3}")
        @CsvSource({
                "'28:SD 56:PR 84:CR 126:PD',    NOT_REQUIRED, CR, 84",
                "'28:SD 56:PR 84:PD',           NOT_REQUIRED, PR, 56",
                "'42:SD 84:SD',                 NOT_REQUIRED, SD, 42",
                "'28:SD 56:SD',                 NOT_REQUIRED, SD, 56",
                "'28:SD 56:PD',                 NOT_REQUIRED, PD, 56",
                "'28:SD 35:NE',                 NOT_REQUIRED, NE, 35",
                // A confirmed response is dated by the time point confirmed, not the one confirming it.
                "'28:PR 56:PR 84:PD',           REQUIRED,     PR, 28",
                "'42:CR 70:PR',                 REQUIRED,     PR, 42",
                "'28:SD 70:PR',                 REQUIRED,     SD, 70",
        })
        void bestResponseAndItsDay(
                String sequence, BestResponseRules.Confirmation confirmation, String expected, int day) {
            BestResponseRules rules = new BestResponseRules(confirmation, FOUR_WEEKS, Period.ofWeeks(6));

            BestOverallResponse best = BestOverallResponseRule.best(BASELINE_DATE, sequence(sequence), true, rules);

            assertThat(best.response()).isEqualTo(Response.fromCode(expected));
            assertThat(best.date()).contains(BASELINE_DATE.plusDays(day));
        }

        @Test
        void withoutAssessmentsNothingDeterminedIt() {
            assertThat(BestOverallResponseRule.best(BASELINE_DATE, List.of(), true, IHR_RULES).date()).isEmpty();
        }
    }
}
