package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.HEMOGLOBIN;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.lab;
import static org.isotox.eligibility.domain.TestRecords.measured;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabInterpretationTest {

    private static final LabInterpretation HEMOGLOBIN_NORMAL =
            new LabInterpretation(concept(HEMOGLOBIN, "Hemoglobin"), interpretation("N"));

    @ParameterizedTest
    @CsvSource({"115, MET", "150, MET", "130, MET", "114.9, NOT_MET", "151, NOT_MET"})
    void aValueWithinItsReferenceRangeIsNormal(String grams, Outcome expected) {
        CriterionResult result = include(HEMOGLOBIN_NORMAL,
                patient().with(lab("2", HEMOGLOBIN, TODAY, grams, "115", "150", "g/L")).record());

        assertThat(result.outcome()).isEqualTo(expected);
    }

    @Test
    void reasonSaysWhereTheValueLies() {
        CriterionResult result = include(HEMOGLOBIN_NORMAL,
                patient().with(lab("2", HEMOGLOBIN, TODAY, "100", "115", "150", "g/L")).record());

        assertThat(result.reason())
                .isEqualTo("Hemoglobin 100 g/L on " + TODAY + " is below its reference range (from 115 to 150 g/L)");
    }

    @ParameterizedTest
    @CsvSource({"N, MET", "L, NOT_MET", "HH, NOT_MET"})
    void withoutAReferenceRangeTheLabsInterpretationCounts(String code, Outcome expected) {
        ObservationFact interpreted = new ObservationFact("Observation/2", Set.of(HEMOGLOBIN), TODAY.atStartOfDay(),
                new ObservedValue.None(), Optional.empty(), Set.of(interpretation(code)), List.of());

        assertThat(include(HEMOGLOBIN_NORMAL, patient().with(interpreted).record()).outcome()).isEqualTo(expected);
    }

    @Test
    void aValueWithNeitherRangeNorInterpretationIsUnknown() {
        CriterionResult result = include(HEMOGLOBIN_NORMAL,
                patient().with(measured("2", HEMOGLOBIN, TODAY, "130", "g/L")).record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.evidence()).containsExactly("Observation/2");
    }

    @Test
    void noResultIsUnknown() {
        assertThat(include(HEMOGLOBIN_NORMAL, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    private static Code interpretation(String code) {
        return new Code(LabInterpretation.SYSTEM, code);
    }
}
