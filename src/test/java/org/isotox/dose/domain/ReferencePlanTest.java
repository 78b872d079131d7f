package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencePlanTest {

    @Test
    void findsTheDvhOfAStructure() {
        ReferencePlan plan = IhrExamples.realisticPlanAt60Gy();

        assertThat(plan.dvhOf("Esophagus").maxDoseGy()).isEqualTo(58.0);
        assertThat(plan.missingStructures(List.of("SpinalCord", "Heart", "Heart", "Liver")))
                .containsExactly("Heart", "Liver");
    }

    @Test
    void readsADvhAtAnotherTotalDose() {
        // Esophagus Dmax 58 Gy at 60 Gy -> 58 · 69 / 60 = 66.7 Gy at 69 Gy.
        ScaledDvh esophagus = IhrExamples.realisticPlanAt60Gy().dvhAt("Esophagus", 69);

        assertThat(esophagus.structure()).isEqualTo("Esophagus");
        assertThat(esophagus.maxDoseGy()).isCloseTo(66.7, within(1e-12));
        // Dmean of (0,100),(10,70),(30,40),(50,15),(58,0): 850 + 1100 + 550 + 60 = 2560 Gy·%
        // -> 25.6 Gy at 60 Gy -> 25.6 · 69 / 60 = 29.44 Gy.
        assertThat(esophagus.meanDoseGy()).isCloseTo(29.44, within(1e-12));
    }

    @Test
    void aMissingStructureIsNamed() {
        MissingDvhException missing = catchThrowableOfType(
                MissingDvhException.class, () -> IhrExamples.realisticPlanAt60Gy().dvhOf("Heart"));

        assertThat(missing.structures()).containsExactly("Heart");
        assertThat(missing).hasMessageContaining("Heart");
    }

    @Test
    void rejectsTwoDvhsForOneStructure() {
        assertThatThrownBy(() -> ReferencePlan.of(60,
                List.of(IhrExamples.cordAt60Gy(), IhrExamples.linearFalloff("SpinalCord", 40))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SpinalCord");
    }

    @Test
    void rejectsADvhFiledUnderAnotherStructure() {
        assertThatThrownBy(() -> new ReferencePlan(60, Map.of("Heart", IhrExamples.cordAt60Gy())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SpinalCord")
                .hasMessageContaining("Heart");
    }

    @ParameterizedTest(name = "reference dose {0} Gy is rejected")
    @CsvSource({"0", "-60", "NaN", "Infinity"})
    void rejectsABadReferenceDose(double referenceDoseGy) {
        assertThatThrownBy(() -> ReferencePlan.of(referenceDoseGy, List.of(IhrExamples.cordAt60Gy())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference dose");
    }

    @ParameterizedTest(name = "total dose {0} Gy is rejected")
    @CsvSource({"0", "-3", "NaN"})
    void rejectsABadTotalDose(double totalDoseGy) {
        assertThatThrownBy(() -> IhrExamples.realisticPlanAt60Gy().dvhAt("SpinalCord", totalDoseGy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total dose");
    }
}
