package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.KARNOFSKY;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.atLeast;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.measured;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An ECOG score read against a Karnofsky limit through the correspondence ECOG 0 = KPS 100-90, 1 = 80-70,
 * 2 = 60-50, 3 = 40-30, 4 = 20-10, 5 = 0 (Oken MM et al., Am J Clin Oncol 1982;5(6):649-655 for the ECOG
 * scale; Buccheri G et al., Eur J Cancer 1996;32A(7):1135-1141 and the ECOG-ACRIN Performance Status Scale for
 * the Karnofsky equivalents; terminology/ConceptMap-ecog-to-karnofsky.json). Met only when every Karnofsky score
 * the ECOG score stands for meets the limit, not met when none does, unknown when they straddle it.
 */
class EcogForKarnofskyTest {

    private static final Code ECOG = new Code("http://loinc.org", "89247-1");
    private static final String MAP = "https://isotox.org/fhir/ConceptMap/ecog-to-karnofsky";
    private static final ScaleConversion ECOG_TO_KARNOFSKY = new ScaleConversion(concept(ECOG, "ECOG"), MAP, Map.of(
            BigDecimal.ZERO, Set.of(new BigDecimal("100"), new BigDecimal("90")),
            BigDecimal.ONE, Set.of(new BigDecimal("80"), new BigDecimal("70")),
            new BigDecimal("2"), Set.of(new BigDecimal("60"), new BigDecimal("50")),
            new BigDecimal("3"), Set.of(new BigDecimal("40"), new BigDecimal("30")),
            new BigDecimal("4"), Set.of(new BigDecimal("20"), new BigDecimal("10")),
            new BigDecimal("5"), Set.of(BigDecimal.ZERO)));

    private static ObservedQuantityInRange karnofskyAtLeast(String limit) {
        return new ObservedQuantityInRange(concept(KARNOFSKY, "Karnofsky"), atLeast(limit, ""), List.of(ECOG_TO_KARNOFSKY));
    }

    @ParameterizedTest(name = "ECOG {0} against Karnofsky >= {1}: {2}")
    @CsvSource({
        "0, 60, MET",
        "1, 60, MET",
        "2, 60, UNKNOWN", // KPS 50 to 60 straddles 60
        "3, 60, NOT_MET",
        "4, 60, NOT_MET",
        "5, 60, NOT_MET",
        "1, 70, MET",     // 70 to 80: all at least 70
        "1, 80, UNKNOWN", // 70 to 80 straddles 80
        "2, 70, NOT_MET", // 50 to 60: none reaches 70
        "0, 90, MET",
        "0, 100, UNKNOWN",
    })
    void theWholeRangeMustMeetTheLimit(String ecog, String limit, Outcome expected) {
        CriterionResult result = include(karnofskyAtLeast(limit),
                patient().with(measured("5", ECOG, TODAY.minusDays(2), ecog, "")).record());

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.evidence()).containsExactly("Observation/5");
    }

    @Test
    void theReasonNamesTheRangeAndTheConceptMap() {
        CriterionResult result = include(karnofskyAtLeast("60"),
                patient().with(measured("5", ECOG, TODAY.minusDays(2), "2", "")).record());

        assertThat(result.reason()).isEqualTo("ECOG 2 on " + TODAY.minusDays(2) + " stands for Karnofsky 50 to 60"
                + " (ConceptMap " + MAP + "), which straddles at least 60");
        assertThat(result.settledBy()).containsExactly("an Observation coded http://loinc.org|89243-0 with a numeric value,"
                + " or coded http://loinc.org|89247-1 with a score that ConceptMap " + MAP + " converts");
    }

    @ParameterizedTest(name = "Karnofsky {0} on day {1}, ECOG {2} on day {3}: {4}")
    @CsvSource({
        "50, -10, 1, -2,  MET",     // the later ECOG decides
        "80, -2,  3, -10, MET",     // the later Karnofsky decides
        "50, -2,  1, -2,  NOT_MET", // on the same day the Karnofsky score itself
    })
    void theLatestOfEitherScaleDecides(String karnofsky, int karnofskyDay, String ecog, int ecogDay, Outcome expected) {
        CriterionResult result = include(karnofskyAtLeast("60"), patient()
                .with(measured("1", KARNOFSKY, TODAY.plusDays(karnofskyDay), karnofsky, ""))
                .with(measured("2", ECOG, TODAY.plusDays(ecogDay), ecog, ""))
                .record());

        assertThat(result.outcome()).isEqualTo(expected);
    }

    @Test
    void aScoreTheMapDoesNotHaveIsUnknown() {
        CriterionResult result = include(karnofskyAtLeast("60"),
                patient().with(measured("5", ECOG, TODAY.minusDays(2), "7", "")).record());

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    }
}
