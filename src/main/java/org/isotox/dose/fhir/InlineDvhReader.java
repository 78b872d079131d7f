package org.isotox.dose.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.dose.domain.DvhPoint;
import org.isotox.fhir.OperationOutcomes;

/**
 * Reads the {@code dvh} parameters of {@code $isotoxic-prescription}: parts {@code structure}
 * (TG-263 Coding), repeated {@code point} (parts {@code dose} Quantity and {@code volume} decimal %),
 * optional {@code dmax} and {@code dmean}. A part that is missing or of the wrong type is a 400.
 */
final class InlineDvhReader {

    private InlineDvhReader() {}

    static List<DvhInput> read(List<IBase> dvhParameters, double referenceDoseGy) {
        List<DvhInput> inputs = new ArrayList<>();
        for (int d = 0; d < dvhParameters.size(); d++) {
            String dvhPath = "Parameters.parameter.where(name = 'dvh')[" + d + "]";
            ParametersParameterComponent dvh = (ParametersParameterComponent) dvhParameters.get(d);
            Coding structure = part(dvh, "structure", Coding.class, dvhPath)
                    .orElseThrow(() -> malformed("The DVH has no structure (Coding)", dvhPath));
            List<DvhPoint> points = new ArrayList<>();
            List<String> pointPaths = new ArrayList<>();
            List<ParametersParameterComponent> pointParts =
                    dvh.getPart().stream().filter(p -> "point".equals(p.getName())).toList();
            for (int i = 0; i < pointParts.size(); i++) {
                String pointPath = dvhPath + ".part.where(name = 'point')[" + i + "]";
                Quantity dose = part(pointParts.get(i), "dose", Quantity.class, pointPath)
                        .orElseThrow(() -> malformed("A DVH point has no dose (Quantity)", pointPath));
                DecimalType volume = part(pointParts.get(i), "volume", DecimalType.class, pointPath)
                        .orElseThrow(() -> malformed("A DVH point has no volume (decimal %)", pointPath));
                points.add(new DvhPoint(gray(dose, pointPath), volume.getValue().doubleValue()));
                pointPaths.add(pointPath);
            }
            inputs.add(new DvhInput(
                    structure.getCode(),
                    referenceDoseGy,
                    points,
                    given(dvh, "dmax", dvhPath),
                    given(dvh, "dmean", dvhPath),
                    dvhPath,
                    pointPaths));
        }
        return inputs;
    }

    private static OptionalDouble given(ParametersParameterComponent dvh, String name, String path) {
        return part(dvh, name, Quantity.class, path)
                .map(q -> OptionalDouble.of(gray(q, path + ".part.where(name = '" + name + "')")))
                .orElse(OptionalDouble.empty());
    }

    static double gray(Quantity quantity, String path) {
        try {
            return DoseQuantities.gray(quantity);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), path);
        }
    }

    private static <T> Optional<T> part(ParametersParameterComponent parent, String name, Class<T> type, String path) {
        List<ParametersParameterComponent> named =
                parent.getPart().stream().filter(p -> name.equals(p.getName())).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        if (!type.isInstance(named.get(0).getValue())) {
            throw malformed("Part " + name + " must be a " + type.getSimpleName(), path + ".part.where(name = '" + name + "')");
        }
        return Optional.of(type.cast(named.get(0).getValue()));
    }

    static InvalidRequestException malformed(String message, String path) {
        return new InvalidRequestException(message, OperationOutcomes.error(IssueType.INVALID, message, path));
    }
}
