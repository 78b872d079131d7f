package org.isotox.dose.fhir;

import java.util.List;
import java.util.OptionalDouble;
import org.isotox.dose.domain.DvhPoint;

/**
 * A DVH as it came in, with where each part came from (FHIRPath expressions), so that every
 * problem the dose core finds can be reported at the element that holds it.
 */
record DvhInput(
        String structure,
        double referenceDoseGy,
        List<DvhPoint> points,
        OptionalDouble givenMaxDoseGy,
        OptionalDouble givenMeanDoseGy,
        String expression,
        List<String> pointExpressions) {

    DvhInput {
        points = List.copyOf(points);
        pointExpressions = List.copyOf(pointExpressions);
    }
}
