package org.isotox.simon.domain;

/** Outcome of a search for Simon's optimal and minimax designs. */
public sealed interface DesignSearchResult {

    /** The requirements the search was run for. */
    DesignRequirements requirements();

    /**
     * Both designs exist within nmax.
     *
     * @param optimal the design with the smallest EN(p0)
     * @param minimax the design with the smallest n, and among those the smallest EN(p0)
     */
    record Found(DesignRequirements requirements, DesignAudit optimal, DesignAudit minimax)
            implements DesignSearchResult {

        public Found {
            if (requirements == null || optimal == null || minimax == null) {
                throw new IllegalArgumentException("requirements, optimal and minimax must not be null");
            }
        }
    }

    /** No two-stage design with n <= nmax meets the error limits. */
    record NoDesignWithinMaximum(DesignRequirements requirements) implements DesignSearchResult {

        public NoDesignWithinMaximum {
            if (requirements == null) {
                throw new IllegalArgumentException("requirements must not be null");
            }
        }
    }
}
