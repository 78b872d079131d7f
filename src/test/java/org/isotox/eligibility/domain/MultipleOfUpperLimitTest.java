package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.ALT;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.atMost;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.lab;
import static org.isotox.eligibility.domain.TestRecords.measured;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultipleOfUpperLimitTest {

    private static final MultipleOfUpperLimit ALT_AT_MOST_2_5_ULN =
            new MultipleOfUpperLimit(concept(ALT, "ALT"), atMost("2.5", "{ULN}"));

    @ParameterizedTest
    @CsvSource({
        "100,   40, MET",      // exactly 2.5 x ULN
        "100.4, 40, NOT_MET",  // 2.51 x ULN
        "40,    40, MET",
        "250,  100, MET",
        "251,  100, NOT_MET",
    })
    void valueDividedByTheUpperLimitOfItsReferenceRange(String value, String upperLimit, Outcome expected) {
        CriterionResult result = include(ALT_AT_MOST_2_5_ULN,
                patient().with(lab("3", ALT, TODAY, value, "7", upperLimit, "U/L")).record());

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.evidence()).containsExactly("Observation/3");
    }

    @Test
    void reasonGivesTheMultiple() {
        CriterionResult result = include(ALT_AT_MOST_2_5_ULN,
                patient().with(lab("3", ALT, TODAY, "100.4", "7", "40", "U/L")).record());

        assertThat(result.reason()).isEqualTo(
                "ALT 100.4 U/L on " + TODAY + " is 2.51 times its upper limit of normal (40 U/L), above 2.5 {ULN}");
    }

    @Test
    void aValueWithoutReferenceRangeIsUnknown() {
        CriterionResult result = include(ALT_AT_MOST_2_5_ULN, patient().with(measured("3", ALT, TODAY, "30", "U/L")).record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.evidence()).containsExactly("Observation/3");
    }

    @Test
    void aReferenceRangeInAnotherUnitIsUnknown() {
        CriterionResult result = include(ALT_AT_MOST_2_5_ULN, patient()
                .with(lab("3", ALT, TODAY, Measurement.exact(new BigDecimal("0.5"), "ukat/L", "µkat/L"), atMost("40", "U/L")))
                .record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void noValueIsUnknown() {
        assertThat(include(ALT_AT_MOST_2_5_ULN, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
    }
}
