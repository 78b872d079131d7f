package org.isotox.dose.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.dose.domain.DvhPoint;
import org.isotox.fhir.OperationPart;

/**
 * Reads the {@code dvh} parameters of {@code $isotoxic-prescription}: parts {@code structure}
 * (TG-263 Coding), repeated {@code point} (parts {@code dose} Quantity and {@code volume} decimal %),
 * optional {@code dmax} and {@code dmean}. A part that is missing or of the wrong type is a 400.
 */
final class InlineDvhReader {

    private InlineDvhReader() {}

    static List<DvhInput> read(List<IBase> dvhParameters, double referenceDoseGy) {
        List<ParametersParameterComponent> components =
                dvhParameters.stream().map(ParametersParameterComponent.class::cast).toList();
        List<DvhInput> inputs = new ArrayList<>();
        for (OperationPart dvh : OperationPart.all(components, "dvh")) {
            List<DvhPoint> points = new ArrayList<>();
            List<String> pointPaths = new ArrayList<>();
            for (OperationPart point : dvh.parts("point")) {
                OperationPart dose = point.required("dose");
                points.add(new DvhPoint(gray(dose.value(Quantity.class), dose.path()),
                        point.required("volume").decimal().doubleValue()));
                pointPaths.add(point.path());
            }
            inputs.add(new DvhInput(
                    dvh.required("structure").value(Coding.class).getCode(),
                    referenceDoseGy,
                    points,
                    given(dvh, "dmax"),
                    given(dvh, "dmean"),
                    dvh.path(),
                    pointPaths));
        }
        return inputs;
    }

    private static OptionalDouble given(OperationPart dvh, String name) {
        return dvh.optional(name)
                .map(part -> OptionalDouble.of(gray(part.value(Quantity.class), part.path())))
                .orElse(OptionalDouble.empty());
    }

    static double gray(Quantity quantity, String path) {
        try {
            return DoseQuantities.gray(quantity);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), path);
        }
    }

    static InvalidRequestException malformed(String message, String path) {
        return OperationPart.malformed(IssueType.INVALID, message, path);
    }
}
