package org.isotox.qol.domain;

import java.util.Objects;

/**
 * Why a response cannot be scored, naming the offending item (its link id as received).
 *
 * @param item    the offending item's link id
 * @param type    what is wrong
 * @param message human-readable explanation naming the item and value
 */
public record ValidationProblem(String item, Type type, String message) {

    public enum Type {
        /** The item is not an item of the instruments being scored. */
        UNKNOWN_ITEM,
        /** The answer lies outside the item's answer range. */
        VALUE_OUT_OF_RANGE,
        /** The item is answered more than once. */
        DUPLICATE_ITEM
    }

    public ValidationProblem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
