package org.isotox.response.domain;

import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OverallResponseRuleTest {

    @Nested
    class Table1PatientsWithTargets {

        // Eisenhauer 2009 section 4.4.1, Table 1 "Time point response: patients with targets
        // (+/- non-target) disease". Each row of the table is expanded to the non-target responses
        // it covers ("non-PD" = CR or non-CR/non-PD; "not all evaluated" = NE); an empty non-target
        // cell means no non-target lesions at baseline.
        @ParameterizedTest(name = "target {0}, non-target {1}, new lesion {2} -> {3}")
        @CsvSource({
                // row 1: CR, CR, no -> CR
                "CR, CR,            false, CR",
                "CR, ,              false, CR",
                // row 2: CR, non-CR/non-PD, no -> PR
                "CR, non-CR/non-PD, false, PR",
                // row 3: CR, not evaluated, no -> PR
                "CR, NE,            false, PR",
                // row 4: PR, non-PD or not all evaluated, no -> PR
                "PR, CR,            false, PR",
                "PR, non-CR/non-PD, false, PR",
                "PR, NE,            false, PR",
                "PR, ,              false, PR",
                // row 5: SD, non-PD or not all evaluated, no -> SD
                "SD, CR,            false, SD",
                "SD, non-CR/non-PD, false, SD",
                "SD, NE,            false, SD",
                "SD, ,              false, SD",
                // row 6: not all evaluated, non-PD, no -> NE
                "NE, CR,            false, NE",
                "NE, non-CR/non-PD, false, NE",
                "NE, NE,            false, NE",
                "NE, ,              false, NE",
                // row 7: PD, any, yes or no -> PD
                "PD, CR,            false, PD",
                "PD, non-CR/non-PD, false, PD",
                "PD, NE,            false, PD",
                "PD, ,              false, PD",
                "PD, NE,            true,  PD",
                // row 8: any, PD, yes or no -> PD
                "CR, PD,            false, PD",
                "PR, PD,            false, PD",
                "SD, PD,            false, PD",
                "NE, PD,            false, PD",
                "SD, PD,            true,  PD",
                // row 9: any, any, yes -> PD
                "CR, CR,            true,  PD",
                "CR, ,              true,  PD",
                "PR, non-CR/non-PD, true,  PD",
                "SD, NE,            true,  PD",
                "NE, NE,            true,  PD",
        })
        void overallResponse(String target, String nonTarget, boolean newLesion, String expected) {
            Optional<Response> nonTargetResponse = Optional.ofNullable(nonTarget).map(Response::fromCode);

            assertThat(OverallResponseRule.withTargets(Response.fromCode(target), nonTargetResponse, newLesion))
                    .isEqualTo(Response.fromCode(expected));
        }

        @Test
        void nonCrNonPdIsNotATargetResponse() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OverallResponseRule.withTargets(Response.NON_CR_NON_PD, Optional.empty(), false))
                    .withMessageContaining("non-CR/non-PD is not a target lesion response");
        }

        @Test
        void partialResponseIsNotANonTargetResponse() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OverallResponseRule.withTargets(Response.CR, Optional.of(Response.PR), false))
                    .withMessageContaining("PR is not a non-target lesion response");
        }
    }

    @Nested
    class Table2PatientsWithNonTargetsOnly {

        // Eisenhauer 2009 section 4.4.1, Table 2 "Time point response: patients with non-target
        // disease only"; footnote a: non-CR/non-PD is preferred over SD.
        @ParameterizedTest(name = "non-target {0}, new lesion {1} -> {2}")
        @CsvSource({
                // row 1: CR, no -> CR
                "CR,            false, CR",
                // row 2: non-CR/non-PD, no -> non-CR/non-PD
                "non-CR/non-PD, false, non-CR/non-PD",
                // row 3: not all evaluated, no -> NE
                "NE,            false, NE",
                // row 4: unequivocal PD, yes or no -> PD
                "PD,            false, PD",
                "PD,            true,  PD",
                // row 5: any, yes -> PD
                "CR,            true,  PD",
                "non-CR/non-PD, true,  PD",
                "NE,            true,  PD",
        })
        void overallResponse(String nonTarget, boolean newLesion, String expected) {
            assertThat(OverallResponseRule.withoutTargets(Response.fromCode(nonTarget), newLesion))
                    .isEqualTo(Response.fromCode(expected));
        }

        @Test
        void stableDiseaseIsNotANonTargetResponse() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OverallResponseRule.withoutTargets(Response.SD, false))
                    .withMessageContaining("SD is not a non-target lesion response");
        }
    }
}
