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
        assertThat(registry.fhirCode()).isEqualTo(fhir);
        assertThat(OverallStatus.ofFhir(fhir)).contains(registry);
    }

    @Test
    void fhirStatusesTheRegistryHasNoneForMapToNothing() {
        for (String code : List.of("in-review", "disapproved", "closed-to-accrual-and-intervention",
                "temporarily-closed-to-accrual-and-intervention")) {
            assertThat(OverallStatus.ofFhir(code)).as(code).isEmpty();
        }
    }
}
