package org.isotox.response.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.response.domain.Fixtures.IHR_RULES;
import static org.isotox.response.domain.Fixtures.afterDays;
import static org.isotox.response.domain.Fixtures.baseline;
import static org.isotox.response.domain.Fixtures.mm;
import static org.isotox.response.domain.Fixtures.nonTarget;
import static org.isotox.response.domain.Fixtures.target;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a progression involves the irradiated tumour (local control); new lesions are out of field. */
class InFieldProgressionTest {

    private final RecistEvaluator evaluator = new RecistEvaluator();

    private static TargetLesion inFieldTarget(String id, String diameter) {
        return new TargetLesion(id, false, mm(diameter), Optional.empty(), true);
    }

    private List<TimepointResponse> evaluate(Baseline baseline, Assessment... assessments) {
        return ((RecistEvaluation.Evaluated) evaluator.evaluate(baseline, List.of(assessments), IHR_RULES)).timepoints();
    }

    @Test
    void anInFieldTargetGrowingSinceTheNadirMakesThePdLocal() {
        // nadir 40 mm (T1 20, T2 20) at day 42; day 84: 48 mm, T1 (in field) 20 -> 28 mm
        List<TimepointResponse> responses = evaluate(baseline(inFieldTarget("T1", "30"), target("T2", "30")),
                afterDays(42).target("T1", "20").target("T2", "20").build(),
                afterDays(84).target("T1", "28").target("T2", "20").build());

        assertThat(responses.get(0).progressionInField()).isEmpty();
        assertThat(responses.get(1).overallResponse()).isEqualTo(Response.PD);
        assertThat(responses.get(1).progressionInField()).contains(true);
    }

    @Test
    void aPdDrivenByAnOutOfFieldTargetIsNotLocal() {
        // the in-field lesion shrinks from its nadir size 20 to 18 mm while T2 grows 20 -> 30 mm
        List<TimepointResponse> responses = evaluate(baseline(inFieldTarget("T1", "30"), target("T2", "30")),
                afterDays(42).target("T1", "20").target("T2", "20").build(),
                afterDays(84).target("T1", "18").target("T2", "30").build());

        assertThat(responses.get(1).overallResponse()).isEqualTo(Response.PD);
        assertThat(responses.get(1).progressionInField()).contains(false);
    }

    @Test
    void aNewLesionCountsAsOutOfField() {
        List<TimepointResponse> responses = evaluate(baseline(inFieldTarget("T1", "30")),
                afterDays(42).target("T1", "30").newLesion().build());

        assertThat(responses.get(0).overallResponse()).isEqualTo(Response.PD);
        assertThat(responses.get(0).progressionInField()).contains(false);
    }

    @Test
    void unequivocalProgressionOfAnInFieldNonTargetIsLocal() {
        List<TimepointResponse> responses = evaluate(
                baseline(target("T1", "30"), new NonTargetLesion("E1", false, true), nonTarget("E2")),
                afterDays(42).target("T1", "30").nonTarget("E1", NonTargetStatus.UNEQUIVOCAL_PROGRESSION)
                        .nonTarget("E2", NonTargetStatus.PRESENT).build(),
                afterDays(84).target("T1", "30").nonTarget("E1", NonTargetStatus.PRESENT)
                        .nonTarget("E2", NonTargetStatus.UNEQUIVOCAL_PROGRESSION).build());

        assertThat(responses).extracting(TimepointResponse::progressionInField)
                .containsExactly(Optional.of(true), Optional.of(false));
    }
}
