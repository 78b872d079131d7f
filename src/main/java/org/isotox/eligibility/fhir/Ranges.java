package org.isotox.eligibility.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.eligibility.domain.ValueRange;

/** FHIR low/high quantities as a {@link ValueRange}, in the unit of whichever limit states one. */
final class Ranges {

    private Ranges() {}

    static ValueRange of(Quantity low, Quantity high) {
        Quantity unitSource = low.hasCode() || low.hasUnit() ? low : high;
        return new ValueRange(
                Optional.ofNullable(low.getValue()),
                Optional.ofNullable(high.getValue()),
                unitSource.getCode(),
                unitSource.getUnit());
    }
}
