package org.isotox.endpoints.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kaplan-Meier estimate read off the step function at a fixed time t (e.g. 24 months).
 *
 * @param time               the requested time
 * @param atRisk             subjects with observation time >= t
 * @param survival           S(t): the estimate at the last event time <= t, 1 before the first event
 * @param standardError      Greenwood standard error of S(t); absent when S(t) = 0
 * @param confidenceInterval pointwise interval for S(t); absent where survfit reports NA
 */
public record SurvivalAtTime(
        double time,
        int atRisk,
        double survival,
        OptionalDouble standardError,
        Optional<ConfidenceInterval> confidenceInterval) {

    public SurvivalAtTime {
        if (atRisk < 0) {
            throw new IllegalArgumentException("atRisk must be >= 0, was " + atRisk);
        }
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival must be in [0, 1], was " + survival);
        }
        Objects.requireNonNull(standardError, "standardError");
        Objects.requireNonNull(confidenceInterval, "confidenceInterval");
    }
}
