package org.isotox.dose.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One reason why a DVH was refused.
 *
 * @param structure  the structure code as given (may be blank when that is the problem)
 * @param field      the part of the input that is wrong
 * @param pointIndex the zero-based index of the offending point in the order the points were
 *                   given, when the problem concerns one point
 * @param message    a sentence naming the structure and the offending values
 */
public record DvhProblem(String structure, DvhField field, OptionalInt pointIndex, String message) {

    public DvhProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pointIndex, "pointIndex");
        Objects.requireNonNull(message, "message");
    }

    static DvhProblem ofCurve(String structure, DvhField field, String message) {
        return new DvhProblem(structure, field, OptionalInt.empty(), message);
    }

    static DvhProblem ofPoint(String structure, DvhField field, int pointIndex, String message) {
        return new DvhProblem(structure, field, OptionalInt.of(pointIndex), message);
    }
}
