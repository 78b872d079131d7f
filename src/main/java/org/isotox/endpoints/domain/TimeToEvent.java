package org.isotox.endpoints.domain;

/**
 * One subject's follow-up for a time-to-event endpoint: the time from the origin (e.g. enrolment)
 * to the event or to the last contact, in a unit the caller chooses (months, days, ...), and
 * whether the event was observed ({@code true}) or the time is censored ({@code false}).
 */
public record TimeToEvent(double time, boolean event) {

    public TimeToEvent {
        if (Double.isNaN(time) || Double.isInfinite(time) || time < 0) {
            throw new IllegalArgumentException("time must be a finite number >= 0, was " + time);
        }
        // -0.0 would sort before 0.0 and form a separate distinct time.
        if (time == 0) {
            time = 0.0;
        }
    }

    public static TimeToEvent event(double time) {
        return new TimeToEvent(time, true);
    }

    public static TimeToEvent censored(double time) {
        return new TimeToEvent(time, false);
    }
}
