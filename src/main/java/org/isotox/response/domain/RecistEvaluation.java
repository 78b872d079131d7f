package org.isotox.response.domain;

import java.util.List;
import java.util.Objects;

/** The result of a RECIST 1.1 evaluation: either the responses or why they cannot be given. */
public sealed interface RecistEvaluation permits RecistEvaluation.Evaluated, RecistEvaluation.Invalid {

    /** One response per assessment, in input order, and the best overall response. */
    record Evaluated(List<TimepointResponse> timepoints, BestOverallResponse bestOverallResponse)
            implements RecistEvaluation {
        public Evaluated {
            timepoints = List.copyOf(timepoints);
            Objects.requireNonNull(bestOverallResponse, "best overall response");
        }
    }

    /** The baseline or the assessments break RECIST 1.1 rules; nothing was evaluated. */
    record Invalid(List<ValidationProblem> problems) implements RecistEvaluation {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid evaluation needs at least one problem");
            }
        }
    }
}
