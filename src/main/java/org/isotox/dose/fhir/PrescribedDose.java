package org.isotox.dose.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.isotox.fhir.Canonicals;

/**
 * The dose a prescription gives one volume (its {@code dose-prescribed-to-volume} extension),
 * with the FHIRPath of the extension for error reports.
 */
record PrescribedDose(String volume, double fractionDoseGy, double totalDoseGy, int fractions, String expression) {

    static final String URL = Canonicals.structureDefinition("dose-prescribed-to-volume");

    static List<PrescribedDose> of(ServiceRequest prescription) {
        List<Extension> doses = prescription.getExtensionsByUrl(URL);
        return java.util.stream.IntStream.range(0, doses.size())
                .mapToObj(i -> of(doses.get(i), "ServiceRequest.extension('" + URL + "')[" + i + "]"))
                .toList();
    }

    private static PrescribedDose of(Extension dose, String expression) {
        return new PrescribedDose(
                ((CodeableConcept) part(dose, "volume", expression).getValue()).getCodingFirstRep().getCode(),
                InlineDvhReader.gray((Quantity) part(dose, "fractionDose", expression).getValue(), expression),
                InlineDvhReader.gray((Quantity) part(dose, "totalDose", expression).getValue(), expression),
                ((PositiveIntType) part(dose, "fractions", expression).getValue()).getValue(),
                expression);
    }

    private static Extension part(Extension dose, String name, String expression) {
        Extension part = dose.getExtensionByUrl(name);
        if (part == null || part.getValue() == null) {
            throw InlineDvhReader.malformed("The prescribed dose has no " + name, expression);
        }
        return part;
    }

    String at(String part) {
        return expression + ".extension('" + part + "')";
    }
}
