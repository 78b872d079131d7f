package org.isotox.schedule.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** The last day an activity can still serve its purpose, at {@code offset} from an anchor (a baseline before radiotherapy starts). */
public record Deadline(Anchor anchor, Period offset) {

    public Optional<LocalDate> day(AnchorDates anchors) {
        return anchors.of(anchor).map(day -> day.plus(offset));
    }
}
