package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeInRangeTest {

    private static final AgeInRange ADULT =
            new AgeInRange(new ValueRange(Optional.of(new BigDecimal(18)), Optional.empty(), "a", "years"));

    @ParameterizedTest
    @CsvSource({
        "2008-11-27, MET",       // the 18th birthday is the assessment day
        "2008-11-28, NOT_MET",   // 18 tomorrow
        "2008-11-26, MET",
        "1950-01-01, MET",
        "2010-06-01, NOT_MET",
        "2008-02-29, MET",
    })
    void ageInCompletedYearsOnTheAssessmentDay(LocalDate born, Outcome expected) {
        CriterionResult result = include(ADULT, patient().born(BirthDate.exactly(born)).record());

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.evidence()).containsExactly("Patient/1");
    }

    @Test
    void reasonGivesTheAge() {
        CriterionResult result = include(ADULT, patient().born(BirthDate.exactly(LocalDate.of(2008, 11, 28))).record());

        assertThat(result.reason()).isEqualTo("Age 17 years on " + TODAY + " (born 2008-11-28) is below 18 years");
    }

    @ParameterizedTest
    @CsvSource({"2008, UNKNOWN", "2007, MET", "2009, NOT_MET"})
    void aBirthYearAloneDecidesOnlyWhenEveryDayOfItDoes(int year, Outcome expected) {
        BirthDate sometimeIn = new BirthDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));

        assertThat(include(ADULT, patient().born(sometimeIn).record()).outcome()).isEqualTo(expected);
    }

    @Test
    void noBirthDateIsUnknown() {
        assertThat(include(ADULT, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
    }
}
