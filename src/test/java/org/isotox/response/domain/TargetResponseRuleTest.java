package org.isotox.response.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.isotox.response.domain.Fixtures.afterDays;
import static org.isotox.response.domain.Fixtures.baseline;
import static org.isotox.response.domain.Fixtures.IHR_RULES;
import static org.isotox.response.domain.Fixtures.mm;
import static org.isotox.response.domain.Fixtures.node;
import static org.isotox.response.domain.Fixtures.target;

class TargetResponseRuleTest {

    private final RecistEvaluator evaluator = new RecistEvaluator();

    private List<TimepointResponse> evaluate(Baseline baseline, Assessment... assessments) {
        RecistEvaluation evaluation = evaluator.evaluate(baseline, List.of(assessments), IHR_RULES);
        assertThat(evaluation).isInstanceOf(RecistEvaluation.Evaluated.class);
        return ((RecistEvaluation.Evaluated) evaluation).timepoints();
    }

    @Nested
    class PartialResponse {

        // Eisenhauer 2009 section 4.3.1: PR = at least a 30 % decrease in the sum of diameters,
        // taking as reference the baseline sum.
        @ParameterizedTest(name = "baseline {0} mm, now {1} mm -> PR {2}")
        @CsvSource({
                "100, 70,    true",
                "100, 70.1,  false",
                "100, 71,    false",
                "33.3, 23.31, true",
                "33.3, 23.32, false",
                "100, 0,     true",
        })
        void thirtyPercentDecreaseFromBaseline(String baselineSum, String sum, boolean partial) {
            assertThat(TargetResponseRule.meetsPartialResponse(mm(sum), mm(baselineSum))).isEqualTo(partial);
        }

        @Test
        void baselineSumOf100mmDownTo70mmIsPartialResponseAtExactlyMinus30Percent() {
            // Section 4.3.1 (PR): 100 -> 70 mm is a 30.00 % decrease.
            TimepointResponse response = evaluate(baseline(target("L1", "60"), target("L2", "40")),
                    afterDays(42).target("L1", "42").target("L2", "28").build()).get(0);

            assertThat(response.sumDiametersMm()).hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("70"));
            assertThat(response.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-30.00"));
            assertThat(response.changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-30.00"));
            assertThat(response.targetResponse()).contains(Response.PR);
        }

        @Test
        void baselineSumOf100mmDownTo71mmIsStableDisease() {
            // Section 4.3.1 (SD): -29 % is not enough shrinkage for PR and no increase over the nadir.
            TimepointResponse response = evaluate(baseline(target("L1", "60"), target("L2", "40")),
                    afterDays(42).target("L1", "43").target("L2", "28").build()).get(0);

            assertThat(response.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-29.00"));
            assertThat(response.targetResponse()).contains(Response.SD);
        }
    }

    @Nested
    class ProgressiveDisease {

        // Section 4.3.1 (PD): at least 20 % increase over the smallest sum on study (nadir) and an
        // absolute increase of at least 5 mm.
        @ParameterizedTest(name = "nadir {0} mm, now {1} mm -> PD {2}")
        @CsvSource({
                "40, 48,   true",
                "40, 47.9, false",
                "10, 12,   false",
                "10, 15,   true",
                "25, 30,   true",
                "25, 29.9, false",
                "30, 35,   false",
                "0,  5,    true",
                "0,  4.9,  false",
        })
        void twentyPercentAndFiveMillimetresOverNadir(String nadir, String sum, boolean progression) {
            assertThat(TargetResponseRule.meetsProgression(mm(sum), mm(nadir))).isEqualTo(progression);
        }

        @Test
        void nadirOf40mmThen48mmIsProgressionAtPlus20PercentAndPlus8mm() {
            // Section 4.3.1 (PD): 40 -> 48 mm is +20.00 % and +8 mm over the nadir; it is PD even
            // though the sum is still 52 % below baseline (the nadir, not the baseline, is the reference).
            List<TimepointResponse> responses = evaluate(baseline(target("L1", "60"), target("L2", "40")),
                    afterDays(42).target("L1", "25").target("L2", "15").build(),
                    afterDays(84).target("L1", "30").target("L2", "18").build());

            TimepointResponse last = responses.get(1);
            assertThat(last.sumDiametersMm()).hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("48"));
            assertThat(last.changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("20.00"));
            assertThat(last.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-52.00"));
            assertThat(last.targetResponse()).contains(Response.PD);
        }

        @Test
        void nadirOf10mmThen12mmIsNotProgressionBecauseTheIncreaseIsOnly2mm() {
            // Section 4.3.1 (PD): +20 % but only +2 mm; the 5 mm absolute increase is not met.
            List<TimepointResponse> responses = evaluate(baseline(target("L1", "50")),
                    afterDays(42).target("L1", "10").build(),
                    afterDays(84).target("L1", "12").build());

            TimepointResponse last = responses.get(1);
            assertThat(last.changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("20.00"));
            assertThat(last.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-76.00"));
            assertThat(last.targetResponse()).contains(Response.PR);
        }

        @Test
        void aLesionReappearingAfterDisappearingIsProgressionAtFiveMillimetres() {
            // Section 4.3.1 (PD) with a nadir of 0 mm: +5 mm meets both parts; the change from a
            // nadir of 0 has no percentage.
            List<TimepointResponse> responses = evaluate(baseline(target("L1", "20")),
                    afterDays(42).target("L1", "0").build(),
                    afterDays(84).target("L1", "5").build());

            assertThat(responses.get(0).targetResponse()).contains(Response.CR);
            assertThat(responses.get(1).targetResponse()).contains(Response.PD);
            assertThat(responses.get(1).changeFromNadirPercent()).isEmpty();
            assertThat(responses.get(1).changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-75.00"));
        }

        @Test
        void aLesionReappearingBelowFiveMillimetresIsNotProgression() {
            // EORTC RECIST FAQ "Does a new lesion always result in PD?": lesions that disappear and
            // reappear are not automatically PD; 0 -> 4 mm misses the 5 mm rule, -80 % from baseline is PR.
            List<TimepointResponse> responses = evaluate(baseline(target("L1", "20")),
                    afterDays(42).target("L1", "0").build(),
                    afterDays(84).target("L1", "4").build());

            assertThat(responses.get(1).targetResponse()).contains(Response.PR);
        }

        @Test
        void theNadirIsTheSmallestCompleteSumSoFar() {
            // Section 4.3.1 (PD): "the smallest sum on study (this includes the baseline sum if
            // that is the smallest on study)". 100 -> 80 -> 90: the nadir of the last is 80.
            List<TimepointResponse> responses = evaluate(baseline(target("L1", "100")),
                    afterDays(42).target("L1", "80").build(),
                    afterDays(84).target("L1", "90").build(),
                    afterDays(126).target("L1", "96").build());

            assertThat(responses.get(1).changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("12.50"));
            assertThat(responses.get(1).targetResponse()).contains(Response.SD);
            // 96 mm: +20.00 % and +16 mm over the nadir of 80 mm, although still -4 % from baseline.
            assertThat(responses.get(2).changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("20.00"));
            assertThat(responses.get(2).targetResponse()).contains(Response.PD);
        }

        @Test
        void theBaselineIsTheNadirWhileTheSumOnlyGrows() {
            // 50 -> 60 mm: +20.00 % and +10 mm over the baseline sum.
            TimepointResponse response = evaluate(baseline(target("L1", "30"), target("L2", "20")),
                    afterDays(42).target("L1", "36").target("L2", "24").build()).get(0);

            assertThat(response.changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("20.00"));
            assertThat(response.targetResponse()).contains(Response.PD);
        }
    }

    @Nested
    class CompleteResponseAndNodes {

        @Test
        void aNodeAt9mmIsNormalSoAllTargetsGoneIsCompleteResponseWithANonZeroSum() {
            // Section 4.3.1 (CR): non-nodal targets disappeared and every target node < 10 mm short
            // axis; section 4.3.2: the node's 9 mm still counts in the sum, so the sum is not zero.
            TimepointResponse response = evaluate(baseline(node("N1", "20"), target("L1", "15")),
                    afterDays(42).target("N1", "9").target("L1", "0").build()).get(0);

            assertThat(response.targetResponse()).contains(Response.CR);
            assertThat(response.sumDiametersMm()).hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("9"));
            assertThat(response.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-74.29"));
        }

        @Test
        void aNodeAt10mmIsStillPathologicalSoItIsNotCompleteResponse() {
            // Section 4.3.1 (CR) needs < 10 mm; 10 mm is -71.43 % from 35 mm, a PR.
            TimepointResponse response = evaluate(baseline(node("N1", "20"), target("L1", "15")),
                    afterDays(42).target("N1", "10").target("L1", "0").build()).get(0);

            assertThat(response.targetResponse()).contains(Response.PR);
            assertThat(response.changeFromBaselinePercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-71.43"));
        }

        @Test
        void aNonNodalTargetStillVisibleIsNotCompleteResponse() {
            // Section 4.3.2: a lesion too small to measure is recorded as 5 mm, not 0 mm.
            TimepointResponse response = evaluate(baseline(target("L1", "30")),
                    afterDays(42).target("L1", "5").build()).get(0);

            assertThat(response.targetResponse()).contains(Response.PR);
        }

        @Test
        void normalNodesGrowingWithinTheNormalRangeStayInCompleteResponse() {
            // Decision: CR is tested before PD. 4 -> 9 mm is +125 % and +5 mm over the nadir, but a
            // sum made only of normal (< 10 mm) nodes is not progression.
            List<TimepointResponse> responses = evaluate(baseline(node("N1", "20"), target("L1", "12")),
                    afterDays(42).target("N1", "4").target("L1", "0").build(),
                    afterDays(84).target("N1", "9").target("L1", "0").build());

            assertThat(responses.get(1).changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("125.00"));
            assertThat(responses.get(1).targetResponse()).contains(Response.CR);
        }

        @Test
        void aNodeGrowingBackTo10mmAfterCompleteResponseIsProgressionWhenTheSumRulesAreMet() {
            // 4 -> 10 mm: the node is pathological again, +150 % and +6 mm over the nadir.
            List<TimepointResponse> responses = evaluate(baseline(node("N1", "20"), target("L1", "12")),
                    afterDays(42).target("N1", "4").target("L1", "0").build(),
                    afterDays(84).target("N1", "10").target("L1", "0").build());

            assertThat(responses.get(1).targetResponse()).contains(Response.PD);
        }
    }

    @Nested
    class MissingMeasurements {

        @Test
        void aTargetNotMeasuredMakesTheTargetResponseNotEvaluable() {
            // Section 4.4.2: if only a subset of lesions is measured the time point is usually NE.
            TimepointResponse response = evaluate(baseline(target("L1", "20"), target("L2", "15"), target("L3", "15")),
                    afterDays(42).target("L1", "5").target("L2", "5").build()).get(0);

            assertThat(response.targetResponse()).contains(Response.NE);
            assertThat(response.sumDiametersMm()).isEmpty();
            assertThat(response.changeFromBaselinePercent()).isEmpty();
            assertThat(response.changeFromNadirPercent()).isEmpty();
        }

        @Test
        void measuredLesionsAloneShowingProgressionMakeItProgressionDespiteAMissingOne() {
            // Section 4.4.2 worked example: baseline sum 50 mm over three lesions, only two
            // assessed at follow-up but summing to 80 mm -> PD regardless of the missing lesion.
            TimepointResponse response = evaluate(baseline(target("L1", "20"), target("L2", "15"), target("L3", "15")),
                    afterDays(42).target("L1", "45").target("L2", "35").build()).get(0);

            assertThat(response.targetResponse()).contains(Response.PD);
            assertThat(response.overallResponse()).isEqualTo(Response.PD);
        }

        @Test
        void anIncompleteSumDoesNotBecomeTheNadir() {
            // A partial sum of 10 mm understates the burden; the next complete sum of 40 mm is
            // compared with the baseline sum of 50 mm, not with 10 mm.
            List<TimepointResponse> responses = evaluate(
                    baseline(target("L1", "20"), target("L2", "15"), target("L3", "15")),
                    afterDays(42).target("L1", "5").target("L2", "5").build(),
                    afterDays(84).target("L1", "15").target("L2", "13").target("L3", "12").build());

            assertThat(responses.get(1).changeFromNadirPercent())
                    .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("-20.00"));
            assertThat(responses.get(1).targetResponse()).contains(Response.SD);
        }
    }

    @Test
    void evaluatingWithoutTargetsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetResponseRule.evaluate(List.of(), Map.of(), BigDecimal.TEN, BigDecimal.TEN))
                .withMessageContaining("no target lesions");
    }
}
