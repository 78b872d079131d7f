package org.isotox.qol.domain;

/**
 * One answer of a response as received: the item's link id (its number as text) and the
 * numeric answer. Whether the item exists and the value is in range is checked when scoring.
 *
 * @param item  the item's link id, e.g. "29"
 * @param value the numeric answer code
 */
public record ItemAnswer(String item, int value) {

    public ItemAnswer {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("answer item must not be blank, was '" + item + "'");
        }
    }

    public static ItemAnswer of(int item, int value) {
        return new ItemAnswer(Integer.toString(item), value);
    }
}
