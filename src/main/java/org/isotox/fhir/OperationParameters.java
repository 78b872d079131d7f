package org.isotox.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Reads operation inputs the same way for every operation; a bad input is a 400 naming the parameter. */
public final class OperationParameters {

    private OperationParameters() {}

    /** A date input that must name a whole day (YYYY-MM-DD); empty when it was not given. */
    public static Optional<LocalDate> day(String name, DateType value) {
        if (value == null || value.getValue() == null) {
            return Optional.empty();
        }
        if (value.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("Parameter '" + name + "' is not a day", OperationOutcomes.error(
                    IssueType.INVALID, "The parameter '" + name + "' must be a full date (YYYY-MM-DD)", name));
        }
        return Optional.of(LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay()));
    }

    /** A code input that must be one of {@code allowed}; empty when it was not given. */
    public static Optional<String> code(String name, CodeType value, Collection<String> allowed) {
        if (value == null || value.getValue() == null) {
            return Optional.empty();
        }
        if (!allowed.contains(value.getValue())) {
            throw new InvalidRequestException("Parameter '" + name + "' has an unknown code", OperationOutcomes.error(
                    IssueType.CODEINVALID, "The parameter '" + name + "' must be one of " + String.join(", ", allowed), name));
        }
        return Optional.of(value.getValue());
    }

    /** The same for a date input the operation cannot do without. */
    public static LocalDate requiredDay(String name, DateType value) {
        return day(name, value).orElseThrow(() -> new InvalidRequestException(
                "Parameter '" + name + "' is required",
                OperationOutcomes.error(IssueType.REQUIRED, "The parameter '" + name + "' (a date, YYYY-MM-DD) is required", name)));
    }
}
