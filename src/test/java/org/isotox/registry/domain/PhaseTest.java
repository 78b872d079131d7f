package org.isotox.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void aSinglePhaseAndACombinationHaveOneFhirCodeEach() {
        assertThat(Phase.fhirCode(List.of(Phase.PHASE2))).contains("phase-2");
        assertThat(Phase.fhirCode(List.of(Phase.PHASE2, Phase.PHASE1))).contains("phase-1-phase-2");
        assertThat(Phase.ofFhir("phase-2-phase-3")).contains(List.of(Phase.PHASE2, Phase.PHASE3));
    }

    @Test
    void aCombinationFhirHasNoCodeForMapsToNothing() {
        assertThat(Phase.fhirCode(List.of(Phase.PHASE1, Phase.PHASE3))).isEmpty();
        assertThat(Phase.fhirCode(null)).isEmpty();
    }
}
