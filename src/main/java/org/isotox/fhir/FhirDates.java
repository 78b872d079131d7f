package org.isotox.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** FHIR dates as local dates and times, as written (a date's time zone is the one it was recorded in). */
public final class FhirDates {

    private FhirDates() {}

    /** The moment, at the start of its period when only the year or month is known. */
    public static Optional<LocalDateTime> of(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return Optional.empty();
        }
        int year = value.getYear();
        return Optional.of(switch (value.getPrecision()) {
            case YEAR -> LocalDate.of(year, 1, 1).atStartOfDay();
            case MONTH -> LocalDate.of(year, value.getMonth() + 1, 1).atStartOfDay();
            case DAY -> LocalDate.of(year, value.getMonth() + 1, value.getDay()).atStartOfDay();
            default -> LocalDateTime.of(
                    year, value.getMonth() + 1, value.getDay(), value.getHour(), value.getMinute(), value.getSecond());
        });
    }

    /** The day, at the start of its period when only the year or month is known. */
    public static Optional<LocalDate> dayOf(BaseDateTimeType value) {
        return of(value).map(LocalDateTime::toLocalDate);
    }

    /** The calendar day of a value, when it is precise to the day (a record's date that can be matched to a day). */
    public static Optional<LocalDate> preciseDay(BaseDateTimeType value) {
        if (value == null || value.getValue() == null
                || value.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        return dayOf(value);
    }

    /** The calendar day of a value that must be precise to the day (an enrolment date, an assessment date). */
    public static LocalDate localDate(BaseDateTimeType value) {
        if (value == null || value.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            throw new IllegalArgumentException(
                    "'" + (value == null ? null : value.getValueAsString()) + "' is not precise to the day");
        }
        return dayOf(value).orElseThrow();
    }
}
