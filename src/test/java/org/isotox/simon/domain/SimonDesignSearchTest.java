package org.isotox.simon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.isotox.simon.domain.SimonDesignTest.rounded;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimonDesignSearchTest {

    private final SimonDesignSearch search = new SimonDesignSearch();

    private DesignSearchResult.Found found(DesignRequirements requirements) {
        DesignSearchResult result = search.search(requirements);
        assertThat(result).isInstanceOf(DesignSearchResult.Found.class);
        return (DesignSearchResult.Found) result;
    }

    private static void assertPublishedRow(DesignAudit audit, DesignRequirements requirements,
                                           int r1, int n1, int r, int n, String en, String pet) {
        assertThat(audit.design()).isEqualTo(new SimonDesign(r1, n1, r, n));
        assertThat(rounded(audit.expectedSampleSize(), 1)).isEqualByComparingTo(en);
        assertThat(rounded(audit.probEarlyTermination(), 2)).isEqualByComparingTo(pet);
        assertThat(audit.alpha()).isLessThanOrEqualTo(requirements.alpha());
        assertThat(audit.power()).isGreaterThanOrEqualTo(1 - requirements.beta());
        DesignAudit recomputed = audit.design().audit(requirements.p0(), requirements.p1());
        assertThat(audit.alpha()).isCloseTo(recomputed.alpha(), within(1e-15));
        assertThat(audit.power()).isCloseTo(recomputed.power(), within(1e-15));
        assertThat(audit.expectedSampleSize()).isCloseTo(recomputed.expectedSampleSize(), within(1e-12));
    }

    /**
     * Rows of Simon R., "Optimal two-stage designs for phase II clinical trials", Control Clin
     * Trials 1989;10:1-10: Table 1 (p1 - p0 = 0.20) and Table 2 (p1 - p0 = 0.15), columns
     * r1/n1, r/n, EN(p0) (one decimal), PET(p0) (two decimals).
     */
    @Nested
    class PublishedOptimalDesigns {

        @ParameterizedTest(name = "p0 {0} p1 {1} alpha {2} beta {3}: {4}/{5}, {6}/{7}")
        @CsvSource({
            // p0,  p1,  alpha, beta, nmax, r1, n1, r, n,   EN,   PET
            // Table 1
            "0.05, 0.25, 0.10, 0.10, 100,  0,  9,  2, 24, 14.5, 0.63",
            "0.05, 0.25, 0.05, 0.20, 100,  0,  9,  2, 17, 12.0, 0.63",
            "0.05, 0.25, 0.05, 0.10, 100,  0,  9,  3, 30, 16.8, 0.63",
            "0.10, 0.30, 0.05, 0.20, 100,  1, 10,  5, 29, 15.0, 0.74",
            "0.10, 0.30, 0.05, 0.10, 100,  2, 18,  6, 35, 22.5, 0.73",
            "0.20, 0.40, 0.10, 0.10, 100,  3, 17, 10, 37, 26.0, 0.55",
            "0.20, 0.40, 0.05, 0.20, 100,  3, 13, 12, 43, 20.6, 0.75",
            "0.20, 0.40, 0.05, 0.10, 100,  4, 19, 15, 54, 30.4, 0.67",
            "0.30, 0.50, 0.10, 0.10, 100,  7, 22, 17, 46, 29.9, 0.67",
            "0.30, 0.50, 0.05, 0.20, 100,  5, 15, 18, 46, 23.6, 0.72",
            "0.30, 0.50, 0.05, 0.10, 100,  8, 24, 24, 63, 34.7, 0.73",
            "0.40, 0.60, 0.05, 0.20, 100,  7, 16, 23, 46, 24.5, 0.72",
            "0.40, 0.60, 0.05, 0.10, 100, 11, 25, 32, 66, 36.0, 0.73",
            "0.70, 0.90, 0.05, 0.20, 100,  4,  6, 22, 27, 14.8, 0.58",
            // Table 2
            "0.05, 0.20, 0.05, 0.10, 100,  1, 21,  4, 41, 26.7, 0.72",
            "0.10, 0.25, 0.05, 0.20, 100,  2, 18,  7, 43, 24.7, 0.73",
            "0.20, 0.35, 0.05, 0.10, 100,  8, 37, 22, 83, 51.4, 0.69",
            "0.30, 0.45, 0.05, 0.20, 100,  9, 27, 30, 81, 41.7, 0.73",
            "0.30, 0.45, 0.05, 0.10, 150, 13, 40, 40, 110, 60.8, 0.70",
        })
        void reproducesPublishedOptimalDesign(double p0, double p1, double alpha, double beta, int nmax,
                                              int r1, int n1, int r, int n, String en, String pet) {
            DesignRequirements requirements = new DesignRequirements(p0, p1, alpha, beta, nmax);
            assertPublishedRow(found(requirements).optimal(), requirements, r1, n1, r, n, en, pet);
        }
    }

    /** Minimax rows of the same tables (Simon 1989, Tables 1 and 2). */
    @Nested
    class PublishedMinimaxDesigns {

        @ParameterizedTest(name = "p0 {0} p1 {1} alpha {2} beta {3}: {4}/{5}, {6}/{7}")
        @CsvSource({
            // p0,  p1,  alpha, beta, nmax, r1, n1, r, n,  EN,   PET
            // Table 1
            "0.05, 0.25, 0.10, 0.10, 100,  0, 13,  2, 20, 16.4, 0.51",
            "0.05, 0.25, 0.05, 0.20, 100,  0, 12,  2, 16, 13.8, 0.54",
            "0.05, 0.25, 0.05, 0.10, 100,  0, 15,  3, 25, 20.4, 0.46",
            "0.10, 0.30, 0.05, 0.20, 100,  1, 15,  5, 25, 19.5, 0.55",
            "0.10, 0.30, 0.05, 0.10, 100,  2, 22,  6, 33, 26.2, 0.62",
            "0.20, 0.40, 0.05, 0.20, 100,  4, 18, 10, 33, 22.3, 0.72",
            "0.20, 0.40, 0.05, 0.10, 100,  5, 24, 13, 45, 31.2, 0.66",
            "0.30, 0.50, 0.10, 0.10, 100,  7, 28, 15, 39, 35.0, 0.36",
            "0.30, 0.50, 0.05, 0.20, 100,  6, 19, 16, 39, 25.7, 0.67",
            "0.30, 0.50, 0.05, 0.10, 100,  7, 24, 21, 53, 36.6, 0.56",
            "0.40, 0.60, 0.05, 0.20, 100, 17, 34, 20, 39, 34.4, 0.91",
            "0.40, 0.60, 0.05, 0.10, 100, 12, 29, 27, 54, 38.1, 0.64",
            // Table 2
            "0.05, 0.20, 0.05, 0.10, 100,  1, 29,  4, 38, 32.9, 0.57",
            "0.10, 0.25, 0.05, 0.20, 100,  2, 22,  7, 40, 28.8, 0.62",
            "0.20, 0.35, 0.05, 0.10, 100,  8, 42, 21, 77, 58.4, 0.53",
            "0.30, 0.45, 0.05, 0.20, 100, 16, 46, 25, 65, 49.6, 0.81",
            "0.30, 0.45, 0.05, 0.10, 150, 27, 77, 33, 88, 78.5, 0.86",
        })
        void reproducesPublishedMinimaxDesign(double p0, double p1, double alpha, double beta, int nmax,
                                              int r1, int n1, int r, int n, String en, String pet) {
            DesignRequirements requirements = new DesignRequirements(p0, p1, alpha, beta, nmax);
            assertPublishedRow(found(requirements).minimax(), requirements, r1, n1, r, n, en, pet);
        }
    }

    /**
     * The search prunes and binary-searches; an unpruned enumeration of every (n, n1, r1, r)
     * with n <= nmax must find the same designs (first in (n, n1, r1, r) order on EN ties).
     */
    @Nested
    class AgreesWithExhaustiveEnumeration {

        @ParameterizedTest
        @CsvSource({
            "0.10, 0.30, 0.05, 0.20, 30",
            "0.05, 0.25, 0.10, 0.10, 26",
            "0.70, 0.90, 0.05, 0.20, 28",
        })
        void sameOptimalAndMinimax(double p0, double p1, double alpha, double beta, int nmax) {
            DesignRequirements requirements = new DesignRequirements(p0, p1, alpha, beta, nmax);
            DesignAudit bestOptimal = null;
            DesignAudit bestMinimax = null;
            for (int n = 2; n <= nmax; n++) {
                for (int n1 = 1; n1 < n; n1++) {
                    for (int r1 = 0; r1 < n1; r1++) {
                        for (int r = r1; r < n; r++) {
                            DesignAudit audit = new SimonDesign(r1, n1, r, n).audit(p0, p1);
                            if (!audit.meets(alpha, beta)) {
                                continue;
                            }
                            if (bestOptimal == null || audit.expectedSampleSize() < bestOptimal.expectedSampleSize()) {
                                bestOptimal = audit;
                            }
                            if (bestMinimax == null || (audit.design().n() == bestMinimax.design().n()
                                    && audit.expectedSampleSize() < bestMinimax.expectedSampleSize())) {
                                bestMinimax = audit;
                            }
                        }
                    }
                }
            }
            DesignSearchResult.Found result = found(requirements);
            assertThat(result.optimal().design()).isEqualTo(bestOptimal.design());
            assertThat(result.minimax().design()).isEqualTo(bestMinimax.design());
        }
    }

    @Nested
    class NoDesignWithinMaximum {

        // Simon (1989), Table 1, p0 0.10 / p1 0.30 / alpha 0.05 / beta 0.20: the minimax design has
        // n = 25, so no design exists with n <= 24 and one does with n <= 25.
        @Test
        void reportedAsResultValueJustBelowMinimaxSize() {
            DesignRequirements requirements = new DesignRequirements(0.10, 0.30, 0.05, 0.20, 24);
            assertThat(search.search(requirements))
                    .isEqualTo(new DesignSearchResult.NoDesignWithinMaximum(requirements));
        }

        @Test
        void foundAtMinimaxSize() {
            DesignRequirements requirements = new DesignRequirements(0.10, 0.30, 0.05, 0.20, 25);
            DesignSearchResult.Found result = found(requirements);
            assertThat(result.minimax().design()).isEqualTo(new SimonDesign(1, 15, 5, 25));
            assertThat(result.optimal().design().n()).isEqualTo(25);
            assertThat(result.requirements()).isEqualTo(requirements);
        }

        @Test
        void smallestAllowedMaximum() {
            DesignRequirements requirements = new DesignRequirements(0.10, 0.30, 0.05, 0.20, 2);
            assertThat(search.search(requirements)).isInstanceOf(DesignSearchResult.NoDesignWithinMaximum.class);
        }
    }

    @Nested
    class Requirements {

        @Test
        void defaultMaximumIsOneHundred() {
            assertThat(DesignRequirements.of(0.1, 0.3, 0.05, 0.2).maxSampleSize()).isEqualTo(100);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0.30 | 0.30 | 0.05 | 0.20 | 100 | p0 must be less than p1, was p0 = 0.3, p1 = 0.3",
            "0.40 | 0.30 | 0.05 | 0.20 | 100 | p0 must be less than p1, was p0 = 0.4, p1 = 0.3",
            "0.0  | 0.30 | 0.05 | 0.20 | 100 | p0 must lie strictly between 0 and 1, was 0.0",
            "-0.1 | 0.30 | 0.05 | 0.20 | 100 | p0 must lie strictly between 0 and 1, was -0.1",
            "0.10 | 1.0  | 0.05 | 0.20 | 100 | p1 must lie strictly between 0 and 1, was 1.0",
            "NaN  | 0.30 | 0.05 | 0.20 | 100 | p0 must lie strictly between 0 and 1, was NaN",
            "0.10 | 0.30 | 0.0  | 0.20 | 100 | alpha must lie strictly between 0 and 1, was 0.0",
            "0.10 | 0.30 | 1.0  | 0.20 | 100 | alpha must lie strictly between 0 and 1, was 1.0",
            "0.10 | 0.30 | 0.05 | 0.0  | 100 | beta must lie strictly between 0 and 1, was 0.0",
            "0.10 | 0.30 | 0.05 | 1.2  | 100 | beta must lie strictly between 0 and 1, was 1.2",
            "0.10 | 0.30 | 0.05 | 0.20 | 1   | nmax must lie in 2..500, was 1",
            "0.10 | 0.30 | 0.05 | 0.20 | 501 | nmax must lie in 2..500, was 501",
        })
        void rejectsInvalidInput(double p0, double p1, double alpha, double beta, int nmax, String message) {
            assertThatThrownBy(() -> new DesignRequirements(p0, p1, alpha, beta, nmax))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
    }
}
