package org.isotox.qol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scoring Manual 3rd ed., "Missing data": a scale is scored when at least half of its items are
 * answered (EORTC SAS macro: N(items)*2 >= number of items). ALL: the QLQ-LC13 dyspnoea scale
 * and the QLQ-C30 summary score need every part.
 */
class CompletenessRuleTest {

    @ParameterizedTest(name = "{0} of {1}: at least half {2}, all {3}")
    @CsvSource({
            // present, total, atLeastHalf, all
            " 1,  1, true,  true",   // single item answered
            " 0,  1, false, false",  // single item missing: no score
            " 2,  2, true,  true",
            " 1,  2, true,  false",  // 2*1 >= 2
            " 0,  2, false, false",
            " 3,  3, true,  true",
            " 2,  3, true,  false",  // 2*2 >= 3
            " 1,  3, false, false",  // 2*1 <  3
            " 2,  4, true,  false",  // 2*2 >= 4
            " 1,  4, false, false",
            " 3,  5, true,  false",  // 2*3 >= 5
            " 2,  5, false, false",  // 2*2 <  5
            "13, 13, true,  true",
            "12, 13, true,  false",
    })
    void decidesAtTheBoundary(int present, int total, boolean atLeastHalf, boolean all) {
        assertThat(CompletenessRule.AT_LEAST_HALF.isMet(present, total)).isEqualTo(atLeastHalf);
        assertThat(CompletenessRule.ALL.isMet(present, total)).isEqualTo(all);
    }

    @ParameterizedTest(name = "{0} of {1} is not a count")
    @CsvSource({"0, 0", "-1, 2", "3, 2"})
    void rejectsImpossibleCounts(int present, int total) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompletenessRule.AT_LEAST_HALF.isMet(present, total))
                .withMessageContaining("present " + present + " of total " + total);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompletenessRule.ALL.isMet(present, total))
                .withMessageContaining("present " + present + " of total " + total);
    }
}
