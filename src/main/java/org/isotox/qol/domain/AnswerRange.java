package org.isotox.qol.domain;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The closed range of integer answers an item accepts, e.g. 1..4 or 1..7.
 *
 * @param min lowest answer code
 * @param max highest answer code, greater than {@code min}
 */
public record AnswerRange(int min, int max) {

    public AnswerRange {
        if (max <= min) {
            throw new IllegalArgumentException(
                    "answer range max " + max + " must be greater than min " + min);
        }
    }

    /** The manual's "item range": highest minus lowest possible answer (3 for 1..4, 6 for 1..7). */
    public int range() {
        return max - min;
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** Every accepted answer in ascending order, for building answer options. */
    public List<Integer> values() {
        return IntStream.rangeClosed(min, max).boxed().toList();
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
