package org.isotox.simon.domain;

/**
 * What is known about one enrolled subject's primary safety endpoint.
 *
 * @param evaluable      a severe toxicity has been recorded, or the toxicity observation window
 *                       has passed without one
 * @param severeToxicity a severe toxicity has been recorded
 */
public record SubjectOutcome(boolean evaluable, boolean severeToxicity) {

    public SubjectOutcome {
        // A recorded severe toxicity is what makes a subject evaluable early, so this pair is a
        // contradiction in the caller's facts, not a state to be guessed at.
        if (severeToxicity && !evaluable) {
            throw new IllegalArgumentException(
                    "a subject with severeToxicity = true is evaluable; evaluable was false");
        }
    }

    /** Still inside the observation window, no severe toxicity recorded. */
    public static SubjectOutcome underObservation() {
        return new SubjectOutcome(false, false);
    }

    /** A severe toxicity has been recorded. */
    public static SubjectOutcome withSevereToxicity() {
        return new SubjectOutcome(true, true);
    }

    /** The observation window has passed without a severe toxicity. */
    public static SubjectOutcome freeOfSevereToxicity() {
        return new SubjectOutcome(true, false);
    }
}
