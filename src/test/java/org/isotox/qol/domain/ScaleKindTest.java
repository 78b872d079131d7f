package org.isotox.qol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The linear transformation of the EORTC QLQ-C30 Scoring Manual, 3rd ed., "Scoring procedure":
 * functional S = (1 - (RS-1)/range)*100, symptom and global health status S = ((RS-1)/range)*100.
 */
class ScaleKindTest {

    private static final AnswerRange FOUR_POINT = new AnswerRange(1, 4);
    private static final AnswerRange SEVEN_POINT = new AnswerRange(1, 7);

    @ParameterizedTest(name = "{0}: sum {1} of {2} answers in {3}..{4} -> {5}")
    @CsvSource({
            // kind, sum, answered, min, max, expected        hand arithmetic
            "FUNCTIONAL,           5, 5, 1, 4, 100",        // RS 5/5 = 1 -> (1 - 0/3)*100 = 100
            "FUNCTIONAL,          20, 5, 1, 4,   0",        // RS 20/5 = 4 -> (1 - 3/3)*100 = 0
            "FUNCTIONAL,           5, 2, 1, 4,  50",        // RS 2.5 -> (1 - 1.5/3)*100 = 50
            "FUNCTIONAL,          14, 5, 1, 4,  40",        // RS 2.8 -> (1 - 1.8/3)*100 = 40
            "SYMPTOM,              3, 3, 1, 4,   0",        // RS 1 -> (0/3)*100 = 0
            "SYMPTOM,              4, 1, 1, 4, 100",        // RS 4 -> (3/3)*100 = 100
            "SYMPTOM,              5, 2, 1, 4,  50",        // RS 2.5 -> (1.5/3)*100 = 50
            "GLOBAL_HEALTH_STATUS, 11, 2, 1, 7,  75",       // RS 5.5 -> (4.5/6)*100 = 75
            "GLOBAL_HEALTH_STATUS,  2, 2, 1, 7,   0",       // RS 1 -> 0
            "GLOBAL_HEALTH_STATUS, 14, 2, 1, 7, 100",       // RS 7 -> (6/6)*100 = 100
            "GLOBAL_HEALTH_STATUS,  7, 1, 1, 7, 100",       // single answered item 7 -> 100
    })
    void transformsExactly(ScaleKind kind, int sum, int answered, int min, int max, double expected) {
        assertThat(kind.score(sum, answered, new AnswerRange(min, max))).isEqualTo(expected);
    }

    @Test
    void thirdsAreTheNearestDoubles() {
        // RS 2 on 1..4: symptom (1/3)*100 = 33.33..., functional (1 - 1/3)*100 = 66.66...
        assertThat(ScaleKind.SYMPTOM.score(2, 1, FOUR_POINT)).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(ScaleKind.FUNCTIONAL.score(2, 1, FOUR_POINT)).isCloseTo(200.0 / 3, within(1e-12));
        // RS 4.5 on 1..7: (3.5/6)*100 = 58.33...
        assertThat(ScaleKind.GLOBAL_HEALTH_STATUS.score(9, 2, SEVEN_POINT)).isCloseTo(175.0 / 3, within(1e-12));
    }

    @Test
    void functionalAndSymptomAreMirrorImages() {
        // Same raw score: functional S = 100 - symptom S.
        for (int sum = 3; sum <= 12; sum++) {
            double symptom = ScaleKind.SYMPTOM.score(sum, 3, FOUR_POINT);
            double functional = ScaleKind.FUNCTIONAL.score(sum, 3, FOUR_POINT);
            assertThat(functional).isCloseTo(100.0 - symptom, within(1e-12));
        }
    }

    @Test
    void rejectsNoAnsweredItems() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScaleKind.SYMPTOM.score(0, 0, FOUR_POINT))
                .withMessageContaining("0");
    }

    @ParameterizedTest(name = "sum {0} of {1} answers is impossible on 1..4")
    @CsvSource({"4, 5", "21, 5", "0, 1", "5, 1"})
    void rejectsSumsOutsideTheAnswerRange(int sum, int answered) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScaleKind.FUNCTIONAL.score(sum, answered, FOUR_POINT))
                .withMessageContaining("sum " + sum);
    }
}
