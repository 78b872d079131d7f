package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.KARNOFSKY;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.atLeast;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.measured;
import static org.isotox.eligibility.domain.TestRecords.observation;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservedQuantityInRangeTest {

    private static final ObservedQuantityInRange KARNOFSKY_AT_LEAST_60 =
            new ObservedQuantityInRange(concept(KARNOFSKY, "Karnofsky"), atLeast("60", ""));
    private static final Code LIFE_EXPECTANCY = new Code("https://isotox.org/fhir/CodeSystem/isotox", "life-expectancy");
    private static final ObservedQuantityInRange LIFE_EXPECTANCY_AT_LEAST_3_MONTHS =
            new ObservedQuantityInRange(concept(LIFE_EXPECTANCY, "Life expectancy"), atLeast("3", "mo"));

    @ParameterizedTest
    @CsvSource({"100, MET", "61, MET", "60, MET", "59, NOT_MET", "50, NOT_MET", "0, NOT_MET"})
    void karnofskyAtTheLimit(String score, Outcome expected) {
        CriterionResult result = include(KARNOFSKY_AT_LEAST_60,
                patient().with(measured("7", KARNOFSKY, TODAY.minusDays(3), score, "")).record());

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.evidence()).containsExactly("Observation/7");
    }

    @Test
    void reasonNamesTheScoreTheDayAndTheLimit() {
        CriterionResult result = include(KARNOFSKY_AT_LEAST_60,
                patient().with(measured("7", KARNOFSKY, TODAY.minusDays(3), "50", "")).record());

        assertThat(result.reason()).isEqualTo("Karnofsky 50 on " + TODAY.minusDays(3) + " is below 60");
    }

    @Test
    void noScoreIsUnknown() {
        CriterionResult result = include(KARNOFSKY_AT_LEAST_60, patient().record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.evidence()).isEmpty();
        assertThat(result.reason()).isEqualTo("Karnofsky: none recorded");
    }

    @ParameterizedTest
    @CsvSource({
        "-40, 80, -2, 50, NOT_MET, second", // the latest counts
        "-40, 50, -2, 80, MET,     second",
        "-2,  50,  1, 90, NOT_MET, first",  // a score after the assessment day is ignored
        "-2,  50,  0, 90, MET,     second",  // one on the assessment day counts
    })
    void theLatestScoreUpToTheAssessmentDayCounts(
            int firstDay, String firstScore, int secondDay, String secondScore, Outcome expected, String counted) {
        CriterionResult result = include(KARNOFSKY_AT_LEAST_60, patient()
                .with(measured("first", KARNOFSKY, TODAY.plusDays(firstDay), firstScore, ""))
                .with(measured("second", KARNOFSKY, TODAY.plusDays(secondDay), secondScore, ""))
                .record());

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.evidence()).containsExactly("Observation/" + counted);
    }

    @Test
    void aScoreWithoutANumberIsUnknownAndNamed() {
        CriterionResult result = include(KARNOFSKY_AT_LEAST_60, patient()
                .with(observation("9", KARNOFSKY, TODAY, new ObservedValue.None()))
                .record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.evidence()).containsExactly("Observation/9");
    }

    @ParameterizedTest
    @CsvSource({"3, mo, MET", "2, mo, NOT_MET", "1, a, MET", "13, wk, NOT_MET", "14, wk, MET", "6, kg, UNKNOWN"})
    void lifeExpectancyIsComparedInTimeUnits(String value, String unit, Outcome expected) {
        CriterionResult result = include(LIFE_EXPECTANCY_AT_LEAST_3_MONTHS,
                patient().with(measured("5", LIFE_EXPECTANCY, TODAY, value, unit)).record());

        assertThat(result.outcome()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ABOVE, 2, UNKNOWN", "ABOVE, 3, MET", "AT_LEAST, 6, MET", "BELOW, 3, NOT_MET", "BELOW, 4, UNKNOWN",
        "AT_MOST, 2, NOT_MET"})
    void comparatorsDecideOnlyWhenEverySuchValueFallsOnOneSide(
            Measurement.Comparator comparator, String months, Outcome expected) {
        Measurement stated = new Measurement(new BigDecimal(months), comparator, "mo", "months");
        CriterionResult result = include(LIFE_EXPECTANCY_AT_LEAST_3_MONTHS, patient()
                .with(observation("5", LIFE_EXPECTANCY, TODAY, new ObservedValue.Measured(stated)))
                .record());

        assertThat(result.outcome()).isEqualTo(expected);
    }
}
