package org.isotox.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.isotox.response.domain.Fixtures.BASELINE_DATE;
import static org.isotox.response.domain.Fixtures.mm;

class InputValuesTest {

    @Nested
    class Codes {

        @ParameterizedTest
        @CsvSource({"CR, CR", "PR, PR", "SD, SD", "PD, PD", "NE, NE", "non-CR/non-PD, NON_CR_NON_PD"})
        void responseCodes(String code, Response response) {
            assertThat(response.code()).isEqualTo(code);
            assertThat(Response.fromCode(code)).isEqualTo(response);
        }

        @ParameterizedTest
        @ValueSource(strings = {"cr", "Non-CR/Non-PD", "SD ", ""})
        void unknownResponseCodesAreRejected(String code) {
            assertThatIllegalArgumentException().isThrownBy(() -> Response.fromCode(code))
                    .withMessageContaining("'" + code + "'");
        }

        @ParameterizedTest
        @CsvSource({"absent, ABSENT", "present, PRESENT", "unequivocal-progression, UNEQUIVOCAL_PROGRESSION"})
        void nonTargetStatusCodes(String code, NonTargetStatus status) {
            assertThat(status.code()).isEqualTo(code);
            assertThat(NonTargetStatus.fromCode(code)).isEqualTo(status);
        }

        @Test
        void unknownNonTargetStatusIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> NonTargetStatus.fromCode("progression"))
                    .withMessageContaining("'progression'");
        }
    }

    @Nested
    class Lesions {

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void lesionIdsMustNotBeBlank(String id) {
            assertThatIllegalArgumentException().isThrownBy(() -> new NonTargetLesion(id, false))
                    .withMessageContaining("lesion id");
            assertThatIllegalArgumentException().isThrownBy(() -> new TargetLesion(id, false, mm("20")))
                    .withMessageContaining("lesion id");
        }

        @Test
        void targetDiametersMustNotBeNegative() {
            assertThatIllegalArgumentException().isThrownBy(() -> new TargetLesion("T1", false, mm("-0.1")))
                    .withMessageContaining("T1").withMessageContaining("-0.1");
        }

        @Test
        void targetDiametersAreRequired() {
            assertThatNullPointerException().isThrownBy(() -> new TargetLesion("T1", false, null))
                    .withMessageContaining("T1");
        }

        @Test
        void organsMustNotBeBlank() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new TargetLesion("T1", false, mm("20"), Optional.of(" ")))
                    .withMessageContaining("organ of target lesion T1");
        }

        @Test
        void theBaselineSplitsAndSumsItsLesions() {
            Baseline baseline = new Baseline(BASELINE_DATE, List.of(
                    new TargetLesion("T1", false, mm("32.5")), new NonTargetLesion("E1", false),
                    new TargetLesion("N1", true, mm("17.5"))));

            assertThat(baseline.targets()).extracting(TargetLesion::id).containsExactly("T1", "N1");
            assertThat(baseline.nonTargets()).extracting(NonTargetLesion::id).containsExactly("E1");
            assertThat(baseline.targetSumMm()).isEqualByComparingTo("50");
        }

        @Test
        void aBaselineRejectsANullLesion() {
            List<BaselineLesion> lesions = new ArrayList<>();
            lesions.add(null);

            assertThatIllegalArgumentException().isThrownBy(() -> new Baseline(BASELINE_DATE, lesions))
                    .withMessageContaining("position 0");
        }
    }

    @Nested
    class Assessments {

        private final LocalDate date = LocalDate.of(2024, 3, 1);

        @Test
        void diametersMustNotBeNegative() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Assessment(date, Map.of("T1", mm("-1")), Map.of(), false))
                    .withMessageContaining("T1").withMessageContaining("-1").withMessageContaining("2024-03-01");
        }

        @Test
        void aMissingDiameterIsLeftOutRatherThanNull() {
            Map<String, BigDecimal> diameters = new HashMap<>();
            diameters.put("T1", null);

            assertThatIllegalArgumentException().isThrownBy(() -> new Assessment(date, diameters, Map.of(), false))
                    .withMessageContaining("T1");
        }

        @Test
        void aMissingStatusIsLeftOutRatherThanNull() {
            Map<String, NonTargetStatus> statuses = new HashMap<>();
            statuses.put("E1", null);

            assertThatIllegalArgumentException().isThrownBy(() -> new Assessment(date, Map.of(), statuses, false))
                    .withMessageContaining("E1");
        }

        @Test
        void assessmentsAreImmutableCopies() {
            Map<String, BigDecimal> diameters = new HashMap<>(Map.of("T1", mm("10")));
            Assessment assessment = new Assessment(date, diameters, Map.of(), false);
            diameters.put("T2", mm("5"));

            assertThat(assessment.targetDiametersMm()).containsOnlyKeys("T1");
        }
    }

    @Nested
    class Rules {

        @Test
        void aNegativeConfirmationIntervalIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new BestResponseRules(
                            BestResponseRules.Confirmation.REQUIRED, Period.ofDays(-1), Period.ofWeeks(6)))
                    .withMessageContaining("P-1D");
        }

        @Test
        void aNegativeMinimumStableDiseaseDurationIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new BestResponseRules(
                            BestResponseRules.Confirmation.NOT_REQUIRED, Period.ofWeeks(4), Period.ofWeeks(-6)))
                    .withMessageContaining("P-42D");
        }

        @ParameterizedTest
        @EnumSource(BestResponseRules.Confirmation.class)
        void zeroDurationsAreAllowed(BestResponseRules.Confirmation confirmation) {
            assertThat(new BestResponseRules(confirmation, Period.ZERO, Period.ZERO).confirmationInterval())
                    .isEqualTo(Period.ZERO);
        }

        @Test
        void anInvalidEvaluationNeedsAProblem() {
            assertThatIllegalArgumentException().isThrownBy(() -> new RecistEvaluation.Invalid(List.of()));
        }
    }
}
