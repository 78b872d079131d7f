package org.isotox.dose.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A DVH was refused; {@link #problems()} lists every reason, not only the first. */
public final class InvalidDvhException extends IllegalArgumentException {

    private final transient List<DvhProblem> problems;

    InvalidDvhException(List<DvhProblem> problems) {
        super(problems.stream().map(DvhProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DvhProblem> problems() {
        return problems;
    }
}
