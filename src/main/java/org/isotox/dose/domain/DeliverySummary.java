package org.isotox.dose.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What has been delivered of a radiotherapy course so far.
 *
 * @param fractionsDelivered       number of fractions delivered
 * @param doseDeliveredGy          sum of the delivered fraction doses
 * @param firstFractionDate        date of the first fraction, empty before the first
 * @param lastFractionDate         date of the latest fraction, empty before the first
 * @param overallTreatmentTimeDays calendar days from the first to the latest fraction, both
 *                                 counted (one fraction: 1; Monday to Friday: 5); 0 before the
 *                                 first fraction
 * @param interruptions            the interruptions between consecutive fractions, in date order
 */
public record DeliverySummary(
        int fractionsDelivered,
        double doseDeliveredGy,
        Optional<LocalDate> firstFractionDate,
        Optional<LocalDate> lastFractionDate,
        long overallTreatmentTimeDays,
        List<TreatmentInterruption> interruptions) {

    public DeliverySummary {
        Objects.requireNonNull(firstFractionDate, "firstFractionDate");
        Objects.requireNonNull(lastFractionDate, "lastFractionDate");
        interruptions = List.copyOf(interruptions);
    }

    /**
     * Summarises delivered fractions, given in any order. Several fractions on one day (twice
     * daily treatment) are allowed. Only gaps between delivered fractions count: a course that
     * has paused after its latest fraction shows no interruption until treatment resumes.
     */
    public static DeliverySummary of(List<DeliveredFraction> fractions, InterruptionRule rule) {
        Objects.requireNonNull(rule, "rule");
        List<DeliveredFraction> byDate = fractions.stream()
                .map(fraction -> Objects.requireNonNull(fraction, "delivered fraction"))
                .sorted(Comparator.comparing(DeliveredFraction::date))
                .toList();
        if (byDate.isEmpty()) {
            return new DeliverySummary(0, 0.0, Optional.empty(), Optional.empty(), 0, List.of());
        }
        double dose = byDate.stream().mapToDouble(DeliveredFraction::doseGy).sum();
        LocalDate first = byDate.get(0).date();
        LocalDate last = byDate.get(byDate.size() - 1).date();
        return new DeliverySummary(byDate.size(), dose, Optional.of(first), Optional.of(last),
                ChronoUnit.DAYS.between(first, last) + 1,
                interruptionsBetween(byDate.stream().map(DeliveredFraction::date).toList(), rule));
    }

    /** The interruptions between fractions given on these days (in date order), as {@code rule} sees them. */
    public static List<TreatmentInterruption> interruptionsBetween(List<LocalDate> days, InterruptionRule rule) {
        List<TreatmentInterruption> interruptions = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            if (rule.isInterruption(ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)))) {
                interruptions.add(new TreatmentInterruption(days.get(i - 1), days.get(i)));
            }
        }
        return interruptions;
    }

    /** The longest interruption in days without treatment; 0 when there was none. */
    public long longestInterruptionDays() {
        return interruptions.stream()
                .mapToLong(TreatmentInterruption::daysWithoutTreatment)
                .max()
                .orElse(0);
    }
}
