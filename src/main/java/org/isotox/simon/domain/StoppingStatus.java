package org.isotox.simon.domain;

/**
 * The state of a running Simon two-stage trial.
 *
 * @param stage                    1 until stage 2 opens, then 2
 * @param enrolled                 subjects enrolled
 * @param evaluable                evaluable subjects, all stages
 * @param severeToxicities         subjects with a severe toxicity, all stages
 * @param stageOneSevereToxicities subjects with a severe toxicity among the first n1 enrolled
 * @param decision                 the decision
 * @param enrolmentAllowed         whether one more subject may be enrolled now
 */
public record StoppingStatus(
        int stage,
        int enrolled,
        int evaluable,
        int severeToxicities,
        int stageOneSevereToxicities,
        StoppingDecision decision,
        boolean enrolmentAllowed) {

    public StoppingStatus {
        if (decision == null) {
            throw new IllegalArgumentException("decision must not be null");
        }
    }
}
