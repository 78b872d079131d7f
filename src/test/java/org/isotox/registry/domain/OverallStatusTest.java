package org.isotox.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverallStatusTest {

    @ParameterizedTest
    @CsvSource({
        "RECRUITING, active",
        "NOT_YET_RECRUITING, approved",
        "ACTIVE_NOT_RECRUITING, closed-to-accrual",
        "SUSPENDED, temporarily-closed-to-accrual",
        "TERMINATED, administratively-completed",
        "COMPLETED, completed",
        "WITHDRAWN, withdrawn",
    })
    void mapsBothWays(OverallStatus registry, String fhir) {
        assertThat(registry.fhirCode()).contains(fhir);
        assertThat(OverallStatus.ofFhir(fhir, java.util.Optional.empty())).contains(registry);
    }

    @Test
    void enrollingByInvitationIsAnActiveStudyAndStaysByInvitationWhileItIsActive() {
        assertThat(OverallStatus.ENROLLING_BY_INVITATION.fhirCode()).contains("active");
        assertThat(OverallStatus.ofFhir("active", java.util.Optional.of(OverallStatus.ENROLLING_BY_INVITATION)))
                .contains(OverallStatus.ENROLLING_BY_INVITATION);
        assertThat(OverallStatus.ofFhir("closed-to-accrual", java.util.Optional.of(OverallStatus.ENROLLING_BY_INVITATION)))
                .contains(OverallStatus.ACTIVE_NOT_RECRUITING);
    }

    @Test
    void unknownIsTheRegistrysAndSaysNothingOfTheStudy() {
        assertThat(OverallStatus.UNKNOWN.fhirCode()).isEmpty();
        assertThat(OverallStatus.ofFhir("active", java.util.Optional.of(OverallStatus.UNKNOWN))).contains(OverallStatus.RECRUITING);
    }

    @Test
    void fhirStatusesTheRegistryHasNoneForMapToNothing() {
        for (String code : List.of("in-review", "disapproved", "closed-to-accrual-and-intervention",
                "temporarily-closed-to-accrual-and-intervention")) {
            assertThat(OverallStatus.ofFhir(code, java.util.Optional.empty())).as(code).isEmpty();
        }
    }
}
