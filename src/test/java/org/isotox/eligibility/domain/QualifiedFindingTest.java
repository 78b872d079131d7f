package org.isotox.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.eligibility.domain.TestRecords.LOINC;
import static org.isotox.eligibility.domain.TestRecords.SNOMED;
import static org.isotox.eligibility.domain.TestRecords.TODAY;
import static org.isotox.eligibility.domain.TestRecords.activeCondition;
import static org.isotox.eligibility.domain.TestRecords.coded;
import static org.isotox.eligibility.domain.TestRecords.concept;
import static org.isotox.eligibility.domain.TestRecords.exclude;
import static org.isotox.eligibility.domain.TestRecords.include;
import static org.isotox.eligibility.domain.TestRecords.observation;
import static org.isotox.eligibility.domain.TestRecords.patient;
import static org.isotox.eligibility.domain.TestRecords.stagedCancer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualifiedFindingTest {

    private static final String TNM = "https://isotox.org/fhir/CodeSystem/tnm-stage-group";
    private static final Code NSCLC = new Code(SNOMED, "254637007");

    @Nested
    class StageIII {

        private final Code stageGroup = new Code(SNOMED, "399537006");
        private final Code loincStageGroup = new Code(LOINC, "21908-9");
        private final QualifiedFinding stageIII = new QualifiedFinding(concept(stageGroup, "Clinical stage group"),
                Set.of(stageGroup, loincStageGroup),
                new Concept(Set.of(new Code(TNM, "III"), new Code(TNM, "IIIA"), new Code(TNM, "IIIB"), new Code(TNM, "IIIC")),
                        "stage III"),
                true);

        @ParameterizedTest
        @CsvSource({"IIIB, MET", "IIIA, MET", "IV, NOT_MET", "IIB, NOT_MET"})
        void theStageGroupValueIsInTheValueSet(String group, Outcome expected) {
            CriterionResult result = include(stageIII, patient().with(coded("5", stageGroup, TODAY, new Code(TNM, group))).record());

            assertThat(result.outcome()).isEqualTo(expected);
            assertThat(result.evidence()).containsExactly("Observation/5");
        }

        @Test
        void theLoincStageGroupCodeCountsToo() {
            CriterionResult result = include(stageIII,
                    patient().with(coded("5", loincStageGroup, TODAY, new Code(TNM, "IIIC"))).record());

            assertThat(result.outcome()).isEqualTo(Outcome.MET);
        }

        @Test
        void theLatestStagingCounts() {
            CriterionResult result = include(stageIII, patient()
                    .with(coded("old", stageGroup, TODAY.minusMonths(2), new Code(TNM, "IIIA")))
                    .with(coded("new", stageGroup, TODAY.minusDays(2), new Code(TNM, "IV")))
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(result.evidence()).containsExactly("Observation/new");
        }

        @Test
        void aValueFromAnotherCodeSystemDecidesNothing() {
            CriterionResult result = include(stageIII,
                    patient().with(coded("5", stageGroup, TODAY, new Code("urn:local", "3b"))).record());

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        }

        /** A cancer whose stage is recorded on the Condition (summary, or stated by its code): III holds, I does not. */
        @ParameterizedTest
        @CsvSource({"III, MET, 'is staged stage III'", "I, NOT_MET, 'is staged I, not stage III'"})
        void aStagedCancerDecides(String group, Outcome expected, String reason) {
            CriterionResult result = include(stageIII,
                    patient().with(stagedCancer("7", NSCLC, TODAY.minusDays(20), new Code(TNM, group))).record());

            assertThat(result.outcome()).isEqualTo(expected);
            assertThat(result.evidence()).containsExactly("Condition/7");
            assertThat(result.reason()).contains(reason);
        }

        @Test
        void aLaterStagingObservationOverridesTheCancersStage() {
            CriterionResult result = include(stageIII, patient()
                    .with(stagedCancer("7", NSCLC, TODAY.minusMonths(2), new Code(TNM, "I")))
                    .with(coded("restaged", stageGroup, TODAY.minusDays(2), new Code(TNM, "IIIA")))
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.MET);
            assertThat(result.evidence()).containsExactly("Observation/restaged");
        }

        @Test
        void noStagingIsUnknown() {
            assertThat(include(stageIII, patient().record()).outcome()).isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Nested
    class HeartFailureNyhaClassIIOrAbove {

        private final Code heartFailure = new Code(SNOMED, "84114007");
        private final Code nyhaObservation = new Code(LOINC, "88020-3");
        private final Code classI = new Code(SNOMED, "420300004");
        private final Code classII = new Code(SNOMED, "421704003");
        private final Code classIII = new Code(SNOMED, "420913000");
        private final QualifiedFinding nyhaIIOrAbove = new QualifiedFinding(concept(heartFailure, "Heart failure"),
                Set.of(heartFailure, nyhaObservation), new Concept(Set.of(classII, classIII), "NYHA class II or above"), true);

        @Test
        void anNyhaClassIIAssessmentExcludes() {
            CriterionResult result = exclude(nyhaIIOrAbove, patient()
                    .with(activeCondition("9", heartFailure, LocalDate.of(2024, 1, 1)))
                    .with(coded("10", nyhaObservation, TODAY.minusDays(5), classII))
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(result.evidence()).containsExactly("Observation/10");
        }

        @Test
        void aLaterClassIAssessmentDoesNotExclude() {
            CriterionResult result = exclude(nyhaIIOrAbove, patient()
                    .with(activeCondition("9", heartFailure, LocalDate.of(2024, 1, 1), classIII))
                    .with(coded("10", nyhaObservation, TODAY.minusDays(5), classI))
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.MET);
        }

        @Test
        void aConditionGradedClassIIIExcludes() {
            CriterionResult result = exclude(nyhaIIOrAbove,
                    patient().with(activeCondition("9", heartFailure, LocalDate.of(2024, 1, 1), classIII)).record());

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(result.evidence()).containsExactly("Condition/9");
        }

        @Test
        void heartFailureWithoutAClassIsUnknown() {
            CriterionResult result = exclude(nyhaIIOrAbove,
                    patient().with(activeCondition("9", heartFailure, LocalDate.of(2024, 1, 1))).record());

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(result.evidence()).containsExactly("Condition/9");
        }

        @Test
        void noHeartFailureRecordedDoesNotExclude() {
            assertThat(exclude(nyhaIIOrAbove, patient().record()).outcome()).isEqualTo(Outcome.MET);
        }
    }

    @Nested
    class UncontrolledCopd {

        private final Code copd = new Code(SNOMED, "13645005");
        private final Code uncontrolled = new Code("https://isotox.org/fhir/CodeSystem/isotox", "uncontrolled");
        private final QualifiedFinding uncontrolledCopd = new QualifiedFinding(concept(copd, "COPD"), Set.of(copd),
                concept(uncontrolled, "uncontrolled"), true);

        @Test
        void copdWithoutAnAssessmentOfControlIsUnknown() {
            CriterionResult result = exclude(uncontrolledCopd,
                    patient().with(activeCondition("20", copd, LocalDate.of(2015, 5, 1))).record());

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(result.reason()).isEqualTo("13645005 (Condition/20, onset 2015-05-01) has no assessment for 'uncontrolled'");
        }

        @ParameterizedTest
        @CsvSource({"true, NOT_MET", "false, MET"})
        void theInvestigatorsAssessmentAboutTheConditionDecides(boolean isUncontrolled, Outcome expected) {
            ObservationFact assessment = new ObservationFact("Observation/21", Set.of(uncontrolled), TODAY.atStartOfDay(),
                    new ObservedValue.Flag(isUncontrolled), Optional.empty(), Set.of(), List.of("Condition/20"));

            CriterionResult result = exclude(uncontrolledCopd, patient()
                    .with(activeCondition("20", copd, LocalDate.of(2015, 5, 1)))
                    .with(assessment)
                    .record());

            assertThat(result.outcome()).isEqualTo(expected);
            assertThat(result.evidence()).containsExactly("Observation/21", "Condition/20");
        }

        @Test
        void anAssessmentAboutAnotherConditionDecidesNothing() {
            ObservationFact assessment = new ObservationFact("Observation/21", Set.of(uncontrolled), TODAY.atStartOfDay(),
                    new ObservedValue.Flag(false), Optional.empty(), Set.of(), List.of("Condition/99"));

            CriterionResult result = exclude(uncontrolledCopd, patient()
                    .with(activeCondition("20", copd, LocalDate.of(2015, 5, 1)))
                    .with(assessment)
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void aCopdObservationValuedUncontrolledExcludes() {
            CriterionResult result = exclude(uncontrolledCopd, patient()
                    .with(activeCondition("20", copd, LocalDate.of(2015, 5, 1)))
                    .with(coded("22", copd, TODAY, uncontrolled))
                    .record());

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
        }

        @Test
        void noCopdRecordedDoesNotExclude() {
            assertThat(exclude(uncontrolledCopd, patient()
                    .with(observation("1", new Code(LOINC, "89243-0"), TODAY, new ObservedValue.Flag(true)))
                    .record()).outcome()).isEqualTo(Outcome.MET);
        }
    }
}
