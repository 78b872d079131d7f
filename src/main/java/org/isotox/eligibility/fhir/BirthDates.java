package org.isotox.eligibility.fhir;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateType;
import org.isotox.eligibility.domain.BirthDate;
import org.isotox.fhir.FhirDates;

/** A birth date as the span of days it may be, when only the year or month is recorded. */
final class BirthDates {

    private BirthDates() {}

    static Optional<BirthDate> of(DateType value) {
        return FhirDates.dayOf(value).map(start -> switch (value.getPrecision()) {
            case YEAR -> new BirthDate(start, start.withMonth(12).withDayOfMonth(31));
            case MONTH -> new BirthDate(start, YearMonth.from(start).atEndOfMonth());
            default -> BirthDate.exactly(start);
        });
    }
}
