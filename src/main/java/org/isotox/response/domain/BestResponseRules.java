package org.isotox.response.domain;

import java.time.Period;
import java.util.Objects;

/**
 * The study's settings for the best overall response (Eisenhauer et al. 2009, sections 4.4.3 and
 * 4.6). They come from the study definition, not from this code.
 *
 * @param confirmation                 whether a CR or PR must be confirmed by a later assessment
 * @param confirmationInterval         the least time between a CR/PR and the assessment that
 *                                     confirms it (RECIST 1.1 section 4.6.1: 4 weeks)
 * @param minimumStableDiseaseDuration the least time from study entry to an assessment that
 *                                     meets the SD criteria for SD to count as best response
 *                                     (section 4.6.3: protocol-defined, "in general not less than
 *                                     6-8 weeks"); applies whether or not confirmation is required
 *                                     (section 4.4.3)
 */
public record BestResponseRules(
        Confirmation confirmation, Period confirmationInterval, Period minimumStableDiseaseDuration) {

    /** Whether CR and PR need confirmation (section 4.6.1). */
    public enum Confirmation {
        /** Randomised trials and trials whose primary endpoint is not response. */
        NOT_REQUIRED,
        /** Non-randomised trials with response as primary endpoint. */
        REQUIRED
    }

    public BestResponseRules {
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(confirmationInterval, "confirmation interval");
        Objects.requireNonNull(minimumStableDiseaseDuration, "minimum stable disease duration");
        if (confirmationInterval.isNegative()) {
            throw new IllegalArgumentException("confirmation interval must not be negative: " + confirmationInterval);
        }
        if (minimumStableDiseaseDuration.isNegative()) {
            throw new IllegalArgumentException(
                    "minimum stable disease duration must not be negative: " + minimumStableDiseaseDuration);
        }
    }
}
