package org.isotox.qol.domain;

import java.util.Objects;

/**
 * An item of a multi-item scale reported as a single-item score in the scale's place, because the
 * scale could not be scored ({@link WhenUnscored#REPORT_ANSWERED_ITEMS}).
 *
 * @param scale the code of the scale it stands in for, e.g. LCDY
 * @param item  the item's number as administered, e.g. 35
 */
public record StandInItem(String scale, int item) {

    public StandInItem {
        Objects.requireNonNull(scale, "scale");
        if (item < 1) {
            throw new IllegalArgumentException("item number must be 1 or more, was " + item);
        }
    }

    /** The code its score is reported under: the scale's code and the item number, e.g. LCDY-item-35. */
    public String code() {
        return scale + "-item-" + item;
    }
}
