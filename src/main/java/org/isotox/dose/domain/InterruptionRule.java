package org.isotox.dose.domain;

/**
 * When a gap between two consecutive fractions is an interruption: when their dates lie more
 * than {@code longestRoutineGapDays} calendar days apart. With treatment on weekdays, 3 keeps
 * a normal weekend (Friday to Monday, 3 days apart) from counting, while one missed weekday
 * next to a weekend (Thursday to Monday, 4 days apart) counts.
 *
 * @param longestRoutineGapDays the longest gap, in days between fraction dates, that is part of
 *                              the routine schedule; at least 1
 */
public record InterruptionRule(int longestRoutineGapDays) {

    public InterruptionRule {
        if (longestRoutineGapDays < 1) {
            throw new IllegalArgumentException("longest routine gap " + longestRoutineGapDays
                    + " days must be at least 1 day");
        }
    }

    /** Whether fractions given {@code gapDays} days apart are separated by an interruption. */
    public boolean isInterruption(long gapDays) {
        return gapDays > longestRoutineGapDays;
    }
}
