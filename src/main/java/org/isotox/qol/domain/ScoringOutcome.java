package org.isotox.qol.domain;

import java.util.List;
import java.util.Optional;

/** The result of scoring one response: either its scale scores or why it was rejected. */
public sealed interface ScoringOutcome permits ScoringOutcome.Scored, ScoringOutcome.Rejected {

    /**
     * The scores of every scale and summary of each scored instrument, in definition order; the
     * scores of items standing in for an unscored scale follow that scale.
     */
    record Scored(List<ScaleScore> scores) implements ScoringOutcome {
        public Scored {
            scores = List.copyOf(scores);
        }

        public Optional<ScaleScore> scale(String code) {
            return scores.stream().filter(score -> score.code().equals(code)).findFirst();
        }
    }

    /** The response was not scored; nothing of it is used. */
    record Rejected(List<ValidationProblem> problems) implements ScoringOutcome {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}
