package org.isotox.eligibility.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.eligibility.domain.Death;
import org.isotox.fhir.FhirDates;

/** A Patient's {@code deceased[x]}: a day when it gives one, a death without a day when it is {@code true}. */
final class Deaths {

    private Deaths() {}

    static Optional<Death> of(Patient patient) {
        if (patient.getDeceased() instanceof DateTimeType day && day.getValue() != null) {
            return Optional.of(new Death(FhirDates.dayOf(day)));
        }
        if (patient.getDeceased() instanceof BooleanType dead && dead.booleanValue()) {
            return Optional.of(new Death(Optional.empty()));
        }
        return Optional.empty();
    }
}
