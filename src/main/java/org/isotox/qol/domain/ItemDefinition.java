package org.isotox.qol.domain;

import java.util.Objects;

/**
 * One questionnaire item, identified only by its number as administered (no wording).
 *
 * @param number  item number, 1 or more; its decimal form is the item's link id
 * @param answers the answers the item accepts
 */
public record ItemDefinition(int number, AnswerRange answers) {

    public ItemDefinition {
        if (number < 1) {
            throw new IllegalArgumentException("item number must be 1 or more, was " + number);
        }
        Objects.requireNonNull(answers, "answers");
    }

    /** The item's identifier in a response: its number in plain decimal ("1", "31"). */
    public String linkId() {
        return Integer.toString(number);
    }
}
