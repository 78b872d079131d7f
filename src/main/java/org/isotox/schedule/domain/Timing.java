package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * When the occurrences of a planned action fall due: {@code offset} from an anchor (negative:
 * before it), then {@code count - 1} more every {@code interval}.
 *
 * <p>Months are calendar months: the same day of the month, or the month's last day when it is
 * shorter (31 January + 1 month = 28 February). Each occurrence is counted from the anchor in one
 * step (anchor + offset + (n - 1) × interval), never from the occurrence before, so that a short
 * month does not pull every later date back (31 January + 6 months is 31 July, not 28 July).
 */
public record Timing(Anchor anchor, Period offset, int count, Period interval) {

    public Timing {
        if (anchor == null || offset == null || interval == null) {
            throw new IllegalArgumentException("a timing needs an anchor, an offset and an interval");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a planned action occurs at least once, not " + count + " times");
        }
        if (count > 1 && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("a repeated action needs a positive interval, not " + interval);
        }
    }

    /** A single occurrence at {@code offset} from the anchor. */
    public static Timing once(Anchor anchor, Period offset) {
        return new Timing(anchor, offset, 1, Period.ZERO);
    }

    /** The due day of occurrence {@code n} (1 = first), once the anchor is known. */
    public Optional<LocalDate> dueDate(AnchorDates anchors, int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("occurrence " + n + " of " + count);
        }
        Period fromAnchor = offset.plus(interval.multipliedBy(n - 1));
        return anchors.of(anchor).map(day -> day.plus(fromAnchor));
    }
}
