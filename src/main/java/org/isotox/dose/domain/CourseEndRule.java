package org.isotox.dose.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A study's reading of when a course that is neither completed nor stopped by the site has ended:
 * once {@code stoppedAfterDaysWithoutFraction} days have passed since its last fraction with none
 * given since (the IHR protocol leaves restarting after an interruption to the chief investigator and
 * names no limit). The last fraction is then the end of radiotherapy. Without the number, only the
 * site ends a course early.
 */
public record CourseEndRule(OptionalInt stoppedAfterDaysWithoutFraction) {

    /** Only the site ends a course early. */
    public static final CourseEndRule WHEN_THE_SITE_SAYS = new CourseEndRule(OptionalInt.empty());

    public CourseEndRule {
        if (stoppedAfterDaysWithoutFraction.isPresent() && stoppedAfterDaysWithoutFraction.getAsInt() < 1) {
            throw new IllegalArgumentException("a course stops after at least 1 day without a fraction, not "
                    + stoppedAfterDaysWithoutFraction.getAsInt());
        }
    }

    public static CourseEndRule afterDaysWithoutFraction(int days) {
        return new CourseEndRule(OptionalInt.of(days));
    }

    /** The day a course whose last fraction was on {@code last} counts as stopped if none follows. */
    public Optional<LocalDate> stopDay(LocalDate last) {
        return stoppedAfterDaysWithoutFraction.isPresent()
                ? Optional.of(last.plusDays(stoppedAfterDaysWithoutFraction.getAsInt()))
                : Optional.empty();
    }

    boolean stoppedBy(LocalDate last, LocalDate day) {
        return stoppedAfterDaysWithoutFraction.isPresent()
                && ChronoUnit.DAYS.between(last, day) >= stoppedAfterDaysWithoutFraction.getAsInt();
    }
}
