package org.isotox.eligibility.domain;

import java.util.Optional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Age in completed years (or months, weeks, days: the range's unit) on the assessment date, from the birth date. */
public record AgeInRange(ValueRange range) implements Characteristic {

    private static final Map<String, ChronoUnit> UNITS =
            Map.of("", ChronoUnit.YEARS, "a", ChronoUnit.YEARS, "mo", ChronoUnit.MONTHS, "wk", ChronoUnit.WEEKS,
                    "d", ChronoUnit.DAYS);

    @Override
    public Finding assess(PatientRecord record, EvidenceWindow window) {
        ChronoUnit unit = UNITS.get(range.unit());
        if (unit == null) {
            return Finding.undetermined("the age limit is in unit '" + range.unit() + "', which is not a calendar unit");
        }
        if (record.birthDate().isEmpty()) {
            return Finding.undetermined("no birth date recorded", record.reference());
        }
        BirthDate born = record.birthDate().get();
        LocalDate on = window.asOf();
        Measurement oldest = age(born.earliest(), on, unit);
        Measurement youngest = age(born.latest(), on, unit);
        ValueRange.Position position = range.locate(oldest);
        if (range.locate(youngest) != position) {
            return Finding.undetermined("age on " + on + " is " + youngest + " to " + oldest + " (born " + born
                    + "), which does not tell whether it is " + range.describe(), record.reference());
        }
        return Finding.of(position.presence(),
                "age " + oldest + " on " + on + " (born " + born + ") is " + range.describe(position), record.reference());
    }

    @Override
    public Optional<String> settledBy() {
        return Optional.of("the Patient's birthDate (to the day when a limit falls in its year or month)");
    }

    private Measurement age(LocalDate born, LocalDate on, ChronoUnit unit) {
        String label = range.unitLabel().isEmpty() ? "years" : range.unitLabel();
        return Measurement.exact(BigDecimal.valueOf(unit.between(born, on)), range.unit(), label);
    }
}
