package org.isotox.response.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.isotox.response.domain.Fixtures.BASELINE_DATE;
import static org.isotox.response.domain.Fixtures.CONFIRMATION_REQUIRED;
import static org.isotox.response.domain.Fixtures.IHR_RULES;
import static org.isotox.response.domain.Fixtures.afterDays;
import static org.isotox.response.domain.Fixtures.baseline;
import static org.isotox.response.domain.Fixtures.mm;
import static org.isotox.response.domain.Fixtures.node;
import static org.isotox.response.domain.Fixtures.nonTarget;
import static org.isotox.response.domain.Fixtures.nonTargetNode;
import static org.isotox.response.domain.Fixtures.on;
import static org.isotox.response.domain.Fixtures.target;
import static org.isotox.response.domain.NonTargetStatus.ABSENT;
import static org.isotox.response.domain.NonTargetStatus.PRESENT;
import static org.isotox.response.domain.NonTargetStatus.UNEQUIVOCAL_PROGRESSION;
import static org.isotox.response.domain.ValidationProblem.Kind;

class RecistEvaluatorTest {

    private final RecistEvaluator evaluator = new RecistEvaluator();

    private RecistEvaluation.Evaluated evaluated(Baseline baseline, BestResponseRules rules, Assessment... assessments) {
        RecistEvaluation evaluation = evaluator.evaluate(baseline, List.of(assessments), rules);
        assertThat(evaluation).isInstanceOf(RecistEvaluation.Evaluated.class);
        return (RecistEvaluation.Evaluated) evaluation;
    }

    private List<ValidationProblem> problems(Baseline baseline, Assessment... assessments) {
        RecistEvaluation evaluation = evaluator.evaluate(baseline, List.of(assessments), IHR_RULES);
        assertThat(evaluation).isInstanceOf(RecistEvaluation.Invalid.class);
        return ((RecistEvaluation.Invalid) evaluation).problems();
    }

    @Nested
    class WholeCourse {

        @Test
        void aPatientWithTargetsAndANonTargetFromResponseToProgression() {
            Baseline baseline = baseline(
                    target("T1", "60", "lung"), node("T2", "40"), nonTarget("E1"));

            RecistEvaluation.Evaluated result = evaluated(baseline, IHR_RULES,
                    on(LocalDate.of(2024, 2, 19)).target("T1", "42").target("T2", "28").nonTarget("E1", PRESENT).build(),
                    on(LocalDate.of(2024, 5, 20)).target("T1", "30").target("T2", "10").nonTarget("E1", PRESENT).build(),
                    on(LocalDate.of(2024, 8, 19)).target("T1", "38").target("T2", "10").nonTarget("E1", PRESENT).build());

            List<TimepointResponse> timepoints = result.timepoints();
            assertThat(timepoints).extracting(TimepointResponse::date).containsExactly(
                    LocalDate.of(2024, 2, 19), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 8, 19));
            // 100 -> 70 mm: -30.00 % (PR, section 4.3.1); non-target persists: Table 1 row 4 -> PR.
            assertTimepoint(timepoints.get(0), "70", "-30.00", "-30.00", Response.PR, Response.PR);
            // 70 -> 40 mm: -60.00 % from baseline, -42.86 % from the nadir of 70 mm.
            assertTimepoint(timepoints.get(1), "40", "-60.00", "-42.86", Response.PR, Response.PR);
            // 40 -> 48 mm: +20.00 % and +8 mm over the nadir (PD, section 4.3.1); Table 1 row 7.
            assertTimepoint(timepoints.get(2), "48", "-52.00", "20.00", Response.PD, Response.PD);
            assertThat(timepoints).extracting(TimepointResponse::nonTargetResponse)
                    .containsOnly(Optional.of(Response.NON_CR_NON_PD));
            // Section 4.4.3: without confirmation the best of PR, PR, PD is PR.
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.PR);
        }

        private void assertTimepoint(TimepointResponse timepoint, String sum, String fromBaseline, String fromNadir,
                Response target, Response overall) {
            assertThat(timepoint.sumDiametersMm()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(sum));
            assertThat(timepoint.changeFromBaselinePercent())
                    .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(fromBaseline));
            assertThat(timepoint.changeFromNadirPercent())
                    .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(fromNadir));
            assertThat(timepoint.targetResponse()).contains(target);
            assertThat(timepoint.overallResponse()).isEqualTo(overall);
        }

        @Test
        void aCompleteResponseWithANormalisedNonTargetNodeIsOverallCompleteResponse() {
            // Section 4.3.3: the non-target node back to normal size ("absent") is needed for CR.
            Baseline baseline = baseline(target("T1", "25"), nonTargetNode("N1"));

            RecistEvaluation.Evaluated result = evaluated(baseline, CONFIRMATION_REQUIRED,
                    afterDays(42).target("T1", "0").nonTarget("N1", ABSENT).build(),
                    afterDays(70).target("T1", "0").nonTarget("N1", ABSENT).build());

            assertThat(result.timepoints()).extracting(TimepointResponse::overallResponse)
                    .containsExactly(Response.CR, Response.CR);
            assertThat(result.timepoints().get(0).changeFromBaselinePercent())
                    .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("-100.00"));
            // Table 3 row CR, CR: confirmed 28 days later.
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.CR);
        }

        @Test
        void targetsInCompleteResponseWithANonTargetNotEvaluatedArePartialResponse() {
            // Table 1 row 3: CR, not evaluated, no new lesion -> PR.
            Baseline baseline = baseline(target("T1", "25"), nonTarget("E1"));

            RecistEvaluation.Evaluated result = evaluated(baseline, IHR_RULES,
                    afterDays(42).target("T1", "0").build());

            assertThat(result.timepoints().get(0).nonTargetResponse()).contains(Response.NE);
            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.PR);
        }

        @Test
        void withoutNonTargetLesionsThereIsNoNonTargetResponse() {
            RecistEvaluation.Evaluated result = evaluated(baseline(target("T1", "25")), IHR_RULES,
                    afterDays(42).target("T1", "20").build());

            assertThat(result.timepoints().get(0).nonTargetResponse()).isEmpty();
            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.SD);
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.SD);
        }

        @Test
        void unequivocalNonTargetProgressionIsProgressionWhateverTheTargets() {
            // Table 1 row 8: any target response, non-target PD -> PD.
            RecistEvaluation.Evaluated result = evaluated(baseline(target("T1", "40"), nonTarget("E1")), IHR_RULES,
                    afterDays(42).target("T1", "20").nonTarget("E1", UNEQUIVOCAL_PROGRESSION).build());

            assertThat(result.timepoints().get(0).targetResponse()).contains(Response.PR);
            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.PD);
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.PD);
        }

        @Test
        void aTargetNotMeasuredWithNonTargetsStableIsNotEvaluable() {
            // Table 1 row 6: not all evaluated, non-PD, no new lesion -> NE.
            RecistEvaluation.Evaluated result = evaluated(
                    baseline(target("T1", "40"), target("T2", "20"), nonTarget("E1")), IHR_RULES,
                    afterDays(42).target("T1", "20").nonTarget("E1", PRESENT).build());

            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.NE);
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.NE);
        }
    }

    /**
     * RECIST 1.1 (Eisenhauer et al. 2009) section 4.6.3 counts stable disease from study entry
     * (the start of treatment), and section 4.4.3 with Table 3 makes an SD short of the minimum
     * duration followed by progression a best response of PD. Baseline scan 2 January, study
     * entry 5 January, minimum 42 days.
     */
    @Nested
    class StableDiseaseFromStudyEntry {

        private static final LocalDate SCAN = LocalDate.of(2026, 1, 2);
        private static final LocalDate ENTRY = LocalDate.of(2026, 1, 5);

        private RecistEvaluation.Evaluated stableThenProgressing(LocalDate stable, Optional<LocalDate> studyEntry) {
            // 40 -> 38 mm: SD; 38 -> 50 mm: +31.58 % and +12 mm over the nadir, PD (section 4.3.1).
            RecistEvaluation evaluation = evaluator.evaluate(
                    new Baseline(SCAN, List.of(target("T1", "40"))),
                    List.of(on(stable).target("T1", "38").build(), on(LocalDate.of(2026, 5, 11)).target("T1", "50").build()),
                    IHR_RULES, studyEntry);
            return (RecistEvaluation.Evaluated) evaluation;
        }

        @ParameterizedTest(name = "SD on {0} (day {1} after entry) -> {2}")
        @CsvSource({
                "2026-02-15, 41, PD, 2026-05-11",
                "2026-02-16, 42, SD, 2026-02-16",
        })
        void theMinimumDurationCountsFromStudyEntry(LocalDate stable, int day, Response expected, LocalDate determinedOn) {
            BestOverallResponse best = stableThenProgressing(stable, Optional.of(ENTRY)).bestOverallResponse();

            assertThat(ENTRY.plusDays(day)).isEqualTo(stable);
            assertThat(best.response()).isEqualTo(expected);
            assertThat(best.date()).contains(determinedOn);
            assertThat(best.studyEntry()).isEqualTo(ENTRY);
        }

        @Test
        void anSdThirtyNineDaysAfterEntryAndFortyTwoAfterTheScanIsNotEnough() {
            LocalDate stable = LocalDate.of(2026, 2, 13);

            assertThat(stableThenProgressing(stable, Optional.of(ENTRY)).bestOverallResponse().response())
                    .isEqualTo(Response.PD);
        }

        @Test
        void withoutAStudyEntryTheBaselineDateStandsInForIt() {
            BestOverallResponse best = stableThenProgressing(LocalDate.of(2026, 2, 13), Optional.empty()).bestOverallResponse();

            assertThat(best.response()).isEqualTo(Response.SD);
            assertThat(best.studyEntry()).isEqualTo(SCAN);
        }
    }

    @Nested
    class NewLesions {

        @Test
        void aNewLesionIsProgressionEvenWhileTheTargetsShrink() {
            // Section 4.3.5 and Table 1 row 9: a new lesion is PD. 100 -> 50 mm would be PR.
            RecistEvaluation.Evaluated result = evaluated(baseline(target("T1", "100")), IHR_RULES,
                    afterDays(42).target("T1", "50").newLesion().build());

            TimepointResponse timepoint = result.timepoints().get(0);
            assertThat(timepoint.targetResponse()).contains(Response.PR);
            assertThat(timepoint.overallResponse()).isEqualTo(Response.PD);
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.PD);
        }

        @Test
        void aNewLesionIsProgressionEvenWhenTheTargetsWereNotMeasured() {
            RecistEvaluation.Evaluated result = evaluated(baseline(target("T1", "100")), IHR_RULES,
                    afterDays(42).newLesion().build());

            assertThat(result.timepoints().get(0).targetResponse()).contains(Response.NE);
            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.PD);
        }

        @Test
        void aNewLesionIsProgressionForNonTargetDiseaseOnly() {
            // Table 2 row 5: any non-target response, new lesion -> PD.
            RecistEvaluation.Evaluated result = evaluated(baseline(nonTarget("E1")), IHR_RULES,
                    afterDays(42).nonTarget("E1", ABSENT).newLesion().build());

            assertThat(result.timepoints().get(0).nonTargetResponse()).contains(Response.CR);
            assertThat(result.timepoints().get(0).overallResponse()).isEqualTo(Response.PD);
        }
    }

    @Nested
    class NonTargetDiseaseOnly {

        @Test
        void followsTable2AndHasNoSums() {
            RecistEvaluation.Evaluated result = evaluated(baseline(nonTarget("E1"), nonTargetNode("N1")), IHR_RULES,
                    afterDays(42).nonTarget("E1", PRESENT).nonTarget("N1", ABSENT).build(),
                    afterDays(126).nonTarget("E1", ABSENT).nonTarget("N1", ABSENT).build());

            TimepointResponse first = result.timepoints().get(0);
            assertThat(first.sumDiametersMm()).isEmpty();
            assertThat(first.changeFromBaselinePercent()).isEmpty();
            assertThat(first.changeFromNadirPercent()).isEmpty();
            assertThat(first.targetResponse()).isEmpty();
            // Table 2 rows 2 and 1.
            assertThat(result.timepoints()).extracting(TimepointResponse::overallResponse)
                    .containsExactly(Response.NON_CR_NON_PD, Response.CR);
            assertThat(result.bestOverallResponse().response()).isEqualTo(Response.CR);
        }
    }

    @Nested
    class BaselineValidation {

        // Section 3.1.1: measurable non-nodal lesion >= 10 mm (CT); pathological, measurable node
        // >= 15 mm in short axis.
        @ParameterizedTest(name = "node {0}, {1} mm -> problem {2}")
        @CsvSource({
                "false, 10,   ",
                "false, 9.9,  NON_NODAL_TARGET_NOT_MEASURABLE",
                "false, 0,    NON_NODAL_TARGET_NOT_MEASURABLE",
                "true,  15,   ",
                "true,  14.9, NODAL_TARGET_NOT_MEASURABLE",
                "true,  10,   NODAL_TARGET_NOT_MEASURABLE",
        })
        void measurabilityAtBaseline(boolean node, String diameter, Kind expected) {
            Baseline baseline = baseline(new TargetLesion("T1", node, mm(diameter)));

            RecistEvaluation evaluation = evaluator.evaluate(baseline, List.of(), IHR_RULES);

            if (expected == null) {
                assertThat(evaluation).isInstanceOf(RecistEvaluation.Evaluated.class);
            } else {
                assertThat(((RecistEvaluation.Invalid) evaluation).problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(expected);
                    assertThat(problem.lesionId()).contains("T1");
                    assertThat(problem.assessmentIndex()).isEmpty();
                    assertThat(problem.message()).contains("T1", diameter + " mm");
                });
            }
        }

        @Test
        void atMostFiveTargetLesions() {
            // Section 4.2: a maximum of 5 target lesions in total; the sixth is named.
            List<ValidationProblem> problems = problems(baseline(target("T1", "20"), target("T2", "20"),
                    target("T3", "20"), target("T4", "20"), target("T5", "20"), target("T6", "20"), nonTarget("E1")));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.TOO_MANY_TARGETS);
                assertThat(problem.lesionId()).contains("T6");
                assertThat(problem.message()).contains("T6", "5");
            });
        }

        @Test
        void fiveTargetLesionsInDifferentOrgansAreAllowed() {
            Baseline baseline = baseline(target("T1", "20", "lung"), target("T2", "20", "lung"),
                    target("T3", "20", "liver"), target("T4", "20", "adrenal"), node("T5", "20"));

            assertThat(evaluator.evaluate(baseline, List.of(), IHR_RULES)).isInstanceOf(RecistEvaluation.Evaluated.class);
        }

        @Test
        void atMostTwoTargetLesionsPerOrganWhenTheOrganIsGiven() {
            // Section 4.2: a maximum of 2 target lesions per organ; organ names compared without
            // case or surrounding spaces.
            List<ValidationProblem> problems = problems(baseline(
                    target("T1", "20", "lung"), target("T2", "20", "Lung"), target("T3", "20", " LUNG "),
                    target("T4", "20")));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.TOO_MANY_TARGETS_IN_ORGAN);
                assertThat(problem.lesionId()).contains("T3");
                assertThat(problem.message()).contains("T3", "lung", "2");
            });
        }

        @Test
        void targetsWithoutAnOrganAreNotCountedPerOrgan() {
            Baseline baseline = baseline(target("T1", "20"), target("T2", "20"), target("T3", "20"));

            assertThat(evaluator.evaluate(baseline, List.of(), IHR_RULES)).isInstanceOf(RecistEvaluation.Evaluated.class);
        }

        @Test
        void allLymphNodesCountAsOneOrgan() {
            // EORTC RECIST 1.1 questions and clarifications, "Two target lesions": nodes are one organ.
            List<ValidationProblem> problems = problems(baseline(
                    new TargetLesion("N1", true, mm("20"), Optional.of("mediastinum")),
                    new TargetLesion("N2", true, mm("20"), Optional.of("hilum")),
                    node("N3", "20")));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.TOO_MANY_TARGETS_IN_ORGAN);
                assertThat(problem.lesionId()).contains("N3");
            });
        }

        @Test
        void aBaselineWithoutLesionsCannotBeEvaluated() {
            assertThat(problems(baseline())).singleElement()
                    .extracting(ValidationProblem::kind).isEqualTo(Kind.NO_LESIONS);
        }

        @Test
        void lesionIdsAreUnique() {
            assertThat(problems(baseline(target("L1", "20"), nonTarget("L1")))).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.DUPLICATE_LESION_ID);
                assertThat(problem.lesionId()).contains("L1");
            });
        }

        @Test
        void everyProblemIsReported() {
            List<ValidationProblem> problems = problems(baseline(target("T1", "5"), node("N1", "12")),
                    on(BASELINE_DATE).target("T1", "5").target("N1", "12").build());

            assertThat(problems).extracting(ValidationProblem::kind).containsExactly(
                    Kind.NON_NODAL_TARGET_NOT_MEASURABLE, Kind.NODAL_TARGET_NOT_MEASURABLE,
                    Kind.ASSESSMENT_NOT_AFTER_BASELINE);
        }
    }

    @Nested
    class AssessmentValidation {

        private final Baseline baseline = baseline(target("T1", "20"), nonTarget("E1"));

        @Test
        void anAssessmentOnTheBaselineDateIsRejected() {
            assertThat(problems(baseline, on(BASELINE_DATE).target("T1", "20").build())).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(Kind.ASSESSMENT_NOT_AFTER_BASELINE);
                        assertThat(problem.assessmentIndex()).contains(0);
                        assertThat(problem.message()).contains("2024-01-08");
                    });
        }

        @Test
        void anAssessmentBeforeTheBaselineIsRejected() {
            assertThat(problems(baseline, on(BASELINE_DATE.minusDays(1)).build())).singleElement()
                    .extracting(ValidationProblem::kind).isEqualTo(Kind.ASSESSMENT_NOT_AFTER_BASELINE);
        }

        @Test
        void assessmentsMustBeInIncreasingDateOrder() {
            List<ValidationProblem> problems = problems(baseline,
                    afterDays(84).build(), afterDays(42).build(), afterDays(42).build(), afterDays(126).build());

            assertThat(problems).extracting(ValidationProblem::kind, ValidationProblem::assessmentIndex)
                    .containsExactly(
                            tuple(Kind.ASSESSMENT_OUT_OF_ORDER, Optional.of(1)),
                            tuple(Kind.ASSESSMENT_OUT_OF_ORDER, Optional.of(2)));
        }

        @Test
        void aLesionNotInTheBaselineIsRejected() {
            assertThat(problems(baseline, afterDays(42).target("T9", "20").nonTarget("E9", PRESENT).build()))
                    .extracting(ValidationProblem::kind, ValidationProblem::lesionId)
                    .containsExactly(
                            tuple(Kind.UNKNOWN_LESION, Optional.of("T9")),
                            tuple(Kind.UNKNOWN_LESION, Optional.of("E9")));
        }

        @Test
        void aDiameterForANonTargetIsRejected() {
            assertThat(problems(baseline, afterDays(42).target("E1", "20").build())).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(Kind.DIAMETER_FOR_NON_TARGET);
                        assertThat(problem.lesionId()).contains("E1");
                        assertThat(problem.assessmentIndex()).contains(0);
                    });
        }

        @Test
        void aStatusForATargetIsRejected() {
            assertThat(problems(baseline, afterDays(42).nonTarget("T1", ABSENT).build())).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(Kind.STATUS_FOR_TARGET);
                        assertThat(problem.lesionId()).contains("T1");
                    });
        }

        @Test
        void aNullAssessmentIsRejected() {
            List<Assessment> assessments = new ArrayList<>();
            assessments.add(null);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> evaluator.evaluate(baseline, assessments, IHR_RULES))
                    .withMessageContaining("position 0");
        }
    }
}
