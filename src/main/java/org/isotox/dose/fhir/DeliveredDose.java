package org.isotox.dose.fhir;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.fhir.Canonicals;

/**
 * The dose a course summary says one volume received, in Gy: the trial's {@code dose-delivered-to-volume} (the
 * volume a TG-263 code, Gy) or mCODE's {@code mcode-radiotherapy-dose-delivered-to-volume} as CodeX Radiation
 * Therapy writes it (the volume a BodyStructure, cGy). One of {@code tg263Volume} and {@code bodyStructure} is set.
 * An entry without a volume or a total dose says nothing and is left out.
 */
record DeliveredDose(Optional<String> tg263Volume, Optional<String> bodyStructure, double totalDoseGy) {

    static final String TRIAL = Canonicals.structureDefinition("dose-delivered-to-volume");
    static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-dose-delivered-to-volume";

    static List<DeliveredDose> of(Procedure summary) {
        return Stream.concat(summary.getExtensionsByUrl(TRIAL).stream(), summary.getExtensionsByUrl(MCODE).stream())
                .map(DeliveredDose::read)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<DeliveredDose> read(Extension dose) {
        Extension volume = dose.getExtensionByUrl("volume");
        Extension total = dose.getExtensionByUrl("totalDoseDelivered");
        if (volume == null || total == null || !(total.getValue() instanceof Quantity quantity) || !quantity.hasValue()) {
            return Optional.empty();
        }
        double gray = DoseQuantities.gray(quantity);
        if (volume.getValue() instanceof CodeableConcept tg263 && tg263.getCodingFirstRep().hasCode()) {
            return Optional.of(new DeliveredDose(Optional.of(tg263.getCodingFirstRep().getCode()), Optional.empty(), gray));
        }
        if (volume.getValue() instanceof Reference structure && structure.hasReference()) {
            return Optional.of(new DeliveredDose(Optional.empty(), Optional.of(structure.getReference()), gray));
        }
        return Optional.empty();
    }
}
