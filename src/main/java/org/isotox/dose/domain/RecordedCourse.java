package org.isotox.dose.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * What a patient's radiotherapy records say: the status recorded (by the site, or derived from the
 * delivered fractions), the first and last fraction, the cause a stop names, and the breaks between
 * fractions.
 */
public record RecordedCourse(
        Status status,
        Optional<LocalDate> firstFraction,
        Optional<LocalDate> lastFraction,
        Optional<ToxicityRecord.Term> stopReason,
        List<RadiotherapyInterruption> breaks) {

    /** The status a course record carries. */
    public enum Status { RUNNING, COMPLETED, STOPPED }

    /** No course recorded. */
    public static final RecordedCourse NONE =
            new RecordedCourse(Status.RUNNING, Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public RecordedCourse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firstFraction, "firstFraction");
        Objects.requireNonNull(lastFraction, "lastFraction");
        Objects.requireNonNull(stopReason, "stopReason");
        breaks = List.copyOf(breaks);
    }

    /** The same course with {@code more} breaks (read from elsewhere than its record's own extensions). */
    public RecordedCourse withBreaks(List<RadiotherapyInterruption> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<RadiotherapyInterruption> all = new ArrayList<>(breaks);
        all.addAll(more);
        return new RecordedCourse(status, firstFraction, lastFraction, stopReason, all);
    }

    /**
     * Whether the course is one of a trial the patient entered on {@code enrolment}: it started that day or later
     * (a course without a recorded start is taken to be).
     */
    public boolean startsOnOrAfter(LocalDate enrolment) {
        return firstFraction.map(first -> !first.isBefore(enrolment)).orElse(true);
    }

    /**
     * Two records of one patient's radiotherapy as one: running while either runs, else stopped while
     * either stopped, else completed; from the earliest first to the latest last fraction.
     */
    public RecordedCourse plus(RecordedCourse other) {
        Status merged = status == Status.RUNNING || other.status == Status.RUNNING ? Status.RUNNING
                : status == Status.STOPPED || other.status == Status.STOPPED ? Status.STOPPED
                : Status.COMPLETED;
        List<RadiotherapyInterruption> all = new ArrayList<>(breaks);
        all.addAll(other.breaks);
        return new RecordedCourse(
                merged,
                Stream.concat(firstFraction.stream(), other.firstFraction.stream()).min(Comparator.naturalOrder()),
                Stream.concat(lastFraction.stream(), other.lastFraction.stream()).max(Comparator.naturalOrder()),
                stopReason.or(() -> other.stopReason),
                all);
    }

    /**
     * The course as it stood on {@code day}. A last fraction after that day means the course was still
     * running then. A course recorded as running whose last fraction lies {@code rule}'s days or more
     * before the day is stopped without fractions.
     */
    public CourseState on(LocalDate day, CourseEndRule rule) {
        if (lastFraction.isEmpty()) {
            return new CourseState(status == Status.STOPPED ? CoursePhase.STOPPED_BY_SITE : CoursePhase.NOT_STARTED,
                    Optional.empty(), stopReason);
        }
        LocalDate last = lastFraction.get();
        if (last.isAfter(day)) {
            return new CourseState(CoursePhase.RUNNING, Optional.empty(), Optional.empty());
        }
        CoursePhase phase = switch (status) {
            case COMPLETED -> CoursePhase.COMPLETED;
            case STOPPED -> CoursePhase.STOPPED_BY_SITE;
            case RUNNING -> rule.stoppedBy(last, day) ? CoursePhase.STOPPED_WITHOUT_FRACTIONS : CoursePhase.RUNNING;
        };
        return new CourseState(phase, lastFraction, phase.stopped() ? stopReason : Optional.empty());
    }

    /**
     * The breaks as of {@code day}: those between fractions, and, once the course has stopped, the stop
     * itself, a break from the last fraction that never ends. Its length on that day is the days since
     * the last fraction (as if a fraction were given that day: from a Monday to the next Monday, 7). It
     * names the stop's cause, and it spans the gradings dated up to {@code rule}'s days after the last
     * fraction, the day the gap rule would have called the course stopped (without that rule, all later
     * gradings).
     */
    public List<RadiotherapyInterruption> breaksOn(LocalDate day, CourseEndRule rule) {
        CourseState state = on(day, rule);
        if (!state.phase().stopped() || state.lastFraction().isEmpty()) {
            return breaks;
        }
        LocalDate last = state.lastFraction().get();
        List<RadiotherapyInterruption> withStop = new ArrayList<>(breaks);
        withStop.add(new RadiotherapyInterruption(
                last, rule.stopDay(last).orElse(LocalDate.MAX),
                Math.toIntExact(ChronoUnit.DAYS.between(last, day)), state.stopReason()));
        return withStop;
    }
}
