package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

class SnapshotCheckTest {

    @Test
    void snapshotWithEveryDifferentialConstraintPasses() {
        StructureDefinition profile = profile();
        profile.getSnapshot().addElement(bodySite().setMax("1"));

        assertThat(SnapshotCheck.lostConstraints(profile)).isEmpty();
    }

    @Test
    void elementTheGeneratorDroppedIsReported() {
        StructureDefinition profile = profile();
        ElementDefinition unconstrained = new ElementDefinition().setPath("Observation.bodySite");
        unconstrained.setId("Observation.bodySite");
        profile.getSnapshot().addElement(unconstrained);

        assertThat(SnapshotCheck.lostConstraints(profile))
                .containsExactly(
                        "Observation.bodySite min 1 became 0",
                        "Observation.bodySite lost its pattern or fixed value");
    }

    @Test
    void elementMissingFromTheSnapshotIsReported() {
        assertThat(SnapshotCheck.lostConstraints(profile())).containsExactly("Observation.bodySite is not in the snapshot");
    }

    private static StructureDefinition profile() {
        StructureDefinition profile = new StructureDefinition();
        profile.getDifferential().addElement(bodySite());
        return profile;
    }

    private static ElementDefinition bodySite() {
        ElementDefinition element = new ElementDefinition().setPath("Observation.bodySite");
        element.setId("Observation.bodySite");
        element.setMin(1);
        element.setPattern(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding().setSystem("http://www.aapm.org/TG263")));
        return element;
    }
}
