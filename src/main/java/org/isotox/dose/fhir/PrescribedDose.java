package org.isotox.dose.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.isotox.fhir.Canonicals;

/**
 * The dose a prescription gives one volume, with the FHIRPath of the extension for error reports: the
 * trial's {@code dose-prescribed-to-volume} extension (a TG-263 coded volume, Gy, its fractions), or CodeX
 * Radiation Therapy's phase prescription ({@code codexrt-radiotherapy-dose-prescribed-to-volume}: a
 * BodyStructure volume, cGy; the fractions in {@code codexrt-radiotherapy-fractions-prescribed}).
 */
record PrescribedDose(String volume, double fractionDoseGy, double totalDoseGy, int fractions, String expression) {

    static final String URL = Canonicals.structureDefinition("dose-prescribed-to-volume");

    static final String CODEX = "http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-dose-prescribed-to-volume";
    static final String CODEX_FRACTIONS = "http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fractions-prescribed";

    static List<PrescribedDose> of(ServiceRequest prescription) {
        List<PrescribedDose> doses = new ArrayList<>(each(prescription, URL, (dose, expression) -> new PrescribedDose(
                ((CodeableConcept) part(dose, "volume", expression).getValue()).getCodingFirstRep().getCode(),
                gray(dose, "fractionDose", expression),
                gray(dose, "totalDose", expression),
                ((PositiveIntType) part(dose, "fractions", expression).getValue()).getValue(),
                expression)));
        Extension codexFractions = prescription.getExtensionByUrl(CODEX_FRACTIONS);
        doses.addAll(each(prescription, CODEX, (dose, expression) -> {
            double fractionDose = gray(dose, "fractionDose", expression);
            double totalDose = gray(dose, "totalDose", expression);
            int fractions = codexFractions != null && codexFractions.getValue() instanceof PositiveIntType count
                    ? count.getValue()
                    : (int) Math.round(totalDose / fractionDose);
            return new PrescribedDose(((Reference) part(dose, "volume", expression).getValue()).getReference(),
                    fractionDose, totalDose, fractions, expression);
        }));
        return doses;
    }

    private static List<PrescribedDose> each(ServiceRequest prescription, String url, BiFunction<Extension, String, PrescribedDose> read) {
        List<Extension> doses = prescription.getExtensionsByUrl(url);
        return IntStream.range(0, doses.size())
                .mapToObj(i -> read.apply(doses.get(i), "ServiceRequest.extension('" + url + "')[" + i + "]"))
                .toList();
    }

    private static double gray(Extension dose, String name, String expression) {
        return InlineDvhReader.gray((Quantity) part(dose, name, expression).getValue(), expression);
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
