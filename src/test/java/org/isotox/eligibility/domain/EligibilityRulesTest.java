package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.ALT;
import static org.isotox.eligibility.domain.TestRecords.HEMOGLOBIN;
import static org.isotox.eligibility.domain.TestRecords.KARNOFSKY;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.atLeast;
import static org.isotox.eligibility.domain.TestRecords.atMost;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.lab;
import static org.isotox.eligibility.domain.TestRecords.measured;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityRulesTest {

    private static final Criterion KARNOFSKY_CRITERION = new Criterion("inc-karnofsky", "Minimum Karnofsky performance status");
    private static final Criterion ORGAN_FUNCTION = new Criterion("inc-liver-kidney-function", "Liver and kidney function");
    private static final Code CREATININE = new Code(TestRecords.LOINC, "2160-0");

    private final EligibilityRules rules = new EligibilityRules(List.of(
            rule(KARNOFSKY_CRITERION, new ObservedQuantityInRange(concept(KARNOFSKY, "Karnofsky"), atLeast("60", ""))),
            rule(ORGAN_FUNCTION, new MultipleOfUpperLimit(concept(ALT, "ALT"), atMost("2.5", "{ULN}"))),
            rule(ORGAN_FUNCTION, new MultipleOfUpperLimit(concept(CREATININE, "Creatinine"), atMost("2.5", "{ULN}")))));

    @ParameterizedTest
    @CsvSource({
        "30,  80,   MET",     // both within 2.5 x ULN
        "30,  300,  NOT_MET", // creatinine 3 x ULN
        "300, ,     NOT_MET", // ALT too high decides even with creatinine unknown
        "30,  ,     UNKNOWN", // creatinine missing
    })
    void aCriterionOfSeveralCharacteristicsIsMetOnlyWhenAllAre(String alt, String creatinine, Outcome expected) {
        TestRecords patient = patient().with(lab("1", ALT, TODAY, alt, "7", "40", "U/L"));
        if (creatinine != null) {
            patient.with(lab("2", CREATININE, TODAY, creatinine, "50", "100", "umol/L"));
        }

        CriterionResult organFunction = rules.evaluate(patient.record(), TODAY).criteria().get(1);

        assertThat(organFunction.code()).isEqualTo("inc-liver-kidney-function");
        assertThat(organFunction.outcome()).isEqualTo(expected);
    }

    @Test
    void oneResultPerCriterionInProtocolOrderWithAllItsEvidence() {
        EligibilityReport report = rules.evaluate(patient()
                .with(measured("k", KARNOFSKY, TODAY, "70", ""))
                .with(lab("1", ALT, TODAY, "30", "7", "40", "U/L"))
                .with(lab("2", CREATININE, TODAY, "80", "50", "100", "umol/L"))
                .record(), TODAY);

        assertThat(report.criteria()).extracting(CriterionResult::code)
                .containsExactly("inc-karnofsky", "inc-liver-kidney-function");
        assertThat(report.criteria().get(1).description()).isEqualTo("Liver and kidney function");
        assertThat(report.criteria().get(1).evidence()).containsExactly("Observation/1", "Observation/2");
        assertThat(report.eligible()).isTrue();
    }

    /** A patient the record gives as deceased is not eligible, however the protocol's criteria come out. */
    @ParameterizedTest
    @CsvSource({
        "2026-11-27, false", // died on the day asked about
        "2026-11-28, true",  // dies after it: on that day alive
        ",           false", // deceasedBoolean true, no day
    })
    void aPatientRecordedAsDeceasedIsNotEligible(java.time.LocalDate died, boolean aliveOnTheDay) {
        TestRecords patient = eligibleForTheRules().deceased(new Death(Optional.ofNullable(died)));

        EligibilityReport report = rules.evaluate(patient.record(), TODAY);

        assertThat(report.eligible()).isEqualTo(aliveOnTheDay);
        if (aliveOnTheDay) {
            assertThat(report.criteria()).extracting(CriterionResult::code).containsExactly("inc-karnofsky", "inc-liver-kidney-function");
        } else {
            CriterionResult alive = report.criteria().get(0);
            assertThat(alive.code()).isEqualTo("alive");
            assertThat(alive.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(alive.evidence()).containsExactly("Patient/1");
            assertThat(alive.reason()).isEqualTo("Patient/1 is recorded as " + (died == null ? "deceased" : "deceased on " + died));
            assertThat(report.criteria()).extracting(CriterionResult::outcome).containsOnly(Outcome.NOT_MET, Outcome.MET);
        }
    }

    private static TestRecords eligibleForTheRules() {
        return patient()
                .with(measured("k", KARNOFSKY, TODAY, "70", ""))
                .with(lab("1", ALT, TODAY, "30", "7", "40", "U/L"))
                .with(lab("2", CREATININE, TODAY, "80", "50", "100", "umol/L"));
    }

    @Test
    void theReasonOfANotMetCriterionNamesOnlyWhatFailed() {
        CriterionResult organFunction = rules.evaluate(patient()
                .with(lab("1", ALT, TODAY, "30", "7", "40", "U/L"))
                .with(lab("2", CREATININE, TODAY, "300", "50", "100", "umol/L"))
                .record(), TODAY).criteria().get(1);

        assertThat(organFunction.reason()).startsWith("Creatinine 300 umol/L").doesNotContain("ALT");
    }

    @Test
    void notEligibleWhileAnyCriterionIsUnknown() {
        EligibilityReport report = rules.evaluate(patient()
                .with(lab("1", ALT, TODAY, "30", "7", "40", "U/L"))
                .with(lab("2", CREATININE, TODAY, "80", "50", "100", "umol/L"))
                .record(), TODAY);

        assertThat(report.criteria()).extracting(CriterionResult::outcome).containsExactly(Outcome.UNKNOWN, Outcome.MET);
        assertThat(report.eligible()).isFalse();
    }

    @Test
    void theRulesNameTheObservationsTheyRead() {
        assertThat(rules.observationCodes()).containsExactlyInAnyOrder(KARNOFSKY, ALT, CREATININE);
    }

    @Test
    void outcomeCodesAreTheContracts() {
        assertThat(List.of(Outcome.values())).extracting(Outcome::code).containsExactly("met", "not-met", "unknown");
    }

    private static EligibilityRule rule(Criterion criterion, Characteristic characteristic) {
        return new EligibilityRule(criterion, false, characteristic, Optional.empty());
    }
}
