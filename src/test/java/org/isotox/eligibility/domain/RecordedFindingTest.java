package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.MYOCARDIAL_INFARCTION;
import static org.isotox.eligibility.domain.TestRecords.SNOMED;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.activeCondition;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.condition;
import static org.isotox.eligibility.domain.TestRecords.evaluate;
import static org.isotox.eligibility.domain.TestRecords.exclude;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.observation;
import static org.isotox.eligibility.domain.TestRecords.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.isotox.eligibility.domain.ConditionFact.ClinicalStatus;
import org.isotox.eligibility.domain.ConditionFact.Verification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordedFindingTest {

    private static final Code NSCLC = new Code(SNOMED, "254637007");
    private static final Code FIBROSIS = new Code(SNOMED, "51615001");
    private static final RecordedFinding HAS_NSCLC = new RecordedFinding(concept(NSCLC, "NSCLC"), true);
    private static final RecordedFinding HAS_FIBROSIS = new RecordedFinding(concept(FIBROSIS, "pulmonary fibrosis"), true);
    private static final RecordedFinding HAD_INFARCTION =
            new RecordedFinding(concept(MYOCARDIAL_INFARCTION, "myocardial infarction"), true);

    @Nested
    class MyocardialInfarctionWithinSixMonths {

        @ParameterizedTest
        @CsvSource({
            "2026-11-27, NOT_MET", // today
            "2026-06-27, NOT_MET", // 5 months ago: excluded
            "2026-05-27, NOT_MET", // exactly 6 months ago: still within
            "2026-05-26, MET",     // a day earlier
            "2026-04-27, MET",     // 7 months ago: not excluded
        })
        void onsetWithinTheLookbackExcludes(LocalDate onset, Outcome expected) {
            CriterionResult result = excludeWithinSixMonths(patient().with(activeCondition("4", MYOCARDIAL_INFARCTION, onset)));

            assertThat(result.outcome()).isEqualTo(expected);
            assertThat(result.evidence()).containsExactly("Condition/4");
        }

        @Test
        void aResolvedInfarctionWithinTheLookbackStillExcludes() {
            CriterionResult result = excludeWithinSixMonths(patient().with(condition("4", MYOCARDIAL_INFARCTION,
                    Optional.of(TODAY.minusMonths(2)), ClinicalStatus.INACTIVE, Verification.CONFIRMED)));

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(result.reason())
                    .isEqualTo("22298006 (Condition/4, onset " + TODAY.minusMonths(2) + ") recorded within 6 months");
        }

        @Test
        void anInfarctionWithoutADateIsUnknown() {
            CriterionResult result = excludeWithinSixMonths(patient().with(condition("4", MYOCARDIAL_INFARCTION,
                    Optional.empty(), ClinicalStatus.ACTIVE, Verification.CONFIRMED)));

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void anInfarctionWithOnsetAfterTheAssessmentDayIsIgnored() {
            CriterionResult result =
                    excludeWithinSixMonths(patient().with(activeCondition("4", MYOCARDIAL_INFARCTION, TODAY.plusDays(3))));

            assertThat(result.outcome()).isEqualTo(Outcome.MET);
            assertThat(result.evidence()).isEmpty();
        }

        @Test
        void noInfarctionRecordedIsNotExcluded() {
            CriterionResult result = excludeWithinSixMonths(patient());

            assertThat(result.outcome()).isEqualTo(Outcome.MET);
            assertThat(result.reason()).isEqualTo("Myocardial infarction: none recorded within 6 months");
        }

        private CriterionResult excludeWithinSixMonths(TestRecords patient) {
            return evaluate(HAD_INFARCTION, true, Optional.of(Period.ofMonths(6)), patient.record());
        }
    }

    @Nested
    class DiagnosisAsExclusion {

        @Test
        void anActiveConfirmedDiagnosisExcludes() {
            assertThat(exclude(HAS_FIBROSIS, patient().with(activeCondition("8", FIBROSIS, LocalDate.of(2019, 3, 1))).record())
                    .outcome()).isEqualTo(Outcome.NOT_MET);
        }

        @Test
        void noSuchDiagnosisInTheRecordIsNotExcluded() {
            assertThat(exclude(HAS_FIBROSIS, patient().record()).outcome()).isEqualTo(Outcome.MET);
        }

        @ParameterizedTest
        @CsvSource({"ACTIVE, SUSPECTED, UNKNOWN", "ACTIVE, REFUTED, MET", "INACTIVE, CONFIRMED, MET"})
        void statusAndVerificationDecide(ClinicalStatus status, Verification verification, Outcome expected) {
            CriterionResult result = exclude(HAS_FIBROSIS, patient()
                    .with(condition("8", FIBROSIS, Optional.of(LocalDate.of(2019, 3, 1)), status, verification))
                    .record());

            assertThat(result.outcome()).isEqualTo(expected);
        }
    }

    @Nested
    class DiagnosisAsInclusion {

        @Test
        void aConfirmedDiagnosisIsMet() {
            assertThat(include(HAS_NSCLC, patient().with(activeCondition("1", NSCLC, TODAY.minusMonths(1))).record())
                    .outcome()).isEqualTo(Outcome.MET);
        }

        @Test
        void noDiagnosisIsUnknownNotMet() {
            assertThat(include(HAS_NSCLC, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void aRefutedDiagnosisIsNotMet() {
            CriterionResult result = include(HAS_NSCLC, patient().with(condition("1", NSCLC, Optional.of(TODAY),
                    ClinicalStatus.ACTIVE, Verification.REFUTED)).record());

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(result.evidence()).containsExactly("Condition/1");
        }
    }

    @Nested
    class InvestigatorJudgement {

        private final Code unsuitable = new Code("https://isotox.org/fhir/CodeSystem/isotox", "investigator-judgement-unsuitable");
        private final RecordedFinding judgedUnsuitable = new RecordedFinding(concept(unsuitable, "unsuitable"), false);

        @ParameterizedTest
        @CsvSource({"true, NOT_MET", "false, MET"})
        void theLatestJudgementDecides(boolean judged, Outcome expected) {
            CriterionResult result = exclude(judgedUnsuitable, patient()
                    .with(observation("old", unsuitable, TODAY.minusDays(30), new ObservedValue.Flag(!judged)))
                    .with(observation("new", unsuitable, TODAY.minusDays(1), new ObservedValue.Flag(judged)))
                    .record());

            assertThat(result.outcome()).isEqualTo(expected);
            assertThat(result.evidence()).containsExactly("Observation/new");
        }

        @Test
        void noJudgementIsUnknown() {
            assertThat(exclude(judgedUnsuitable, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
        }
    }
}
