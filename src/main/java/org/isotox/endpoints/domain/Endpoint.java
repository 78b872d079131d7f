package org.isotox.endpoints.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import org.isotox.endpoints.domain.SubjectFollowUp.TumourAssessment;

/**
 * The protocol's time-to-event endpoints, each from enrolment (time zero), in months of 30.4375 days
 * (a Julian year / 12), using only what was recorded on or before the analysis date.
 *
 * <ul>
 *   <li>OS: death from any cause; censored at the last date known alive.</li>
 *   <li>PFS: the first progression or death, whichever comes first; censored at the last tumour
 *       assessment (at enrolment when there is none).</li>
 *   <li>TTP: the first progression; deaths without progression are censored at the last assessment.</li>
 *   <li>LC: the first progression of the irradiated tumour; censored at the last assessment.</li>
 * </ul>
 */
public enum Endpoint {
    OS, PFS, TTP, LC;

    static final double DAYS_PER_MONTH = 365.25 / 12;

    /** The subject's time to this endpoint as of {@code asOf}. */
    public TimeToEvent of(SubjectFollowUp subject, LocalDate asOf) {
        Optional<LocalDate> death = subject.death().filter(d -> !d.isAfter(asOf));
        Optional<LocalDate> lastAssessment = assessments(subject, asOf, a -> true)
                .max(Comparator.naturalOrder());
        Optional<LocalDate> progression = assessments(subject, asOf, TumourAssessment::progression)
                .min(Comparator.naturalOrder());
        LocalDate censoredAtAssessment = lastAssessment.orElse(subject.enrolled());
        return switch (this) {
            case OS -> death.map(d -> event(subject, d))
                    .orElseGet(() -> censored(subject, lastKnownAlive(subject, asOf, lastAssessment)));
            case PFS -> earliest(progression, death).map(d -> event(subject, d))
                    .orElseGet(() -> censored(subject, censoredAtAssessment));
            case TTP -> progression.map(d -> event(subject, d)).orElseGet(() -> censored(subject, censoredAtAssessment));
            case LC -> assessments(subject, asOf, TumourAssessment::progressionInField)
                    .min(Comparator.naturalOrder())
                    .map(d -> event(subject, d))
                    .orElseGet(() -> censored(subject, censoredAtAssessment));
        };
    }

    private static java.util.stream.Stream<LocalDate> assessments(
            SubjectFollowUp subject, LocalDate asOf, Predicate<TumourAssessment> which) {
        return subject.assessments().stream()
                .filter(a -> !a.date().isAfter(asOf) && !a.date().isBefore(subject.enrolled()))
                .filter(which)
                .map(TumourAssessment::date);
    }

    private static LocalDate lastKnownAlive(SubjectFollowUp subject, LocalDate asOf, Optional<LocalDate> lastAssessment) {
        LocalDate latest = subject.enrolled();
        for (Optional<LocalDate> seen : java.util.List.of(subject.lastContact().filter(d -> !d.isAfter(asOf)), lastAssessment)) {
            if (seen.isPresent() && seen.get().isAfter(latest)) {
                latest = seen.get();
            }
        }
        return latest;
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(d -> d.isBefore(a.get())).or(() -> a);
    }

    private static TimeToEvent event(SubjectFollowUp subject, LocalDate date) {
        return TimeToEvent.event(months(subject.enrolled(), date));
    }

    private static TimeToEvent censored(SubjectFollowUp subject, LocalDate date) {
        return TimeToEvent.censored(months(subject.enrolled(), date));
    }

    static double months(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to)) / DAYS_PER_MONTH;
    }
}
