package org.isotox.endpoints.domain;

import java.util.ArrayList;
import java.util.List;

/** Published data sets and small constructed cases used as fixtures, by name. */
final class SurvivalDatasets {

    private SurvivalDatasets() {
    }

    /**
     * 6-MP arm of the leukaemia remission trial: Freireich et al., Blood 1963;21:699-716, as
     * tabulated by Gehan, Biometrika 1965;52:203-223 (weeks in remission; negative = censored):
     * 6, 6, 6, 6*, 7, 9*, 10, 10*, 11*, 13, 16, 17*, 19*, 20*, 22, 23, 25*, 32*, 32*, 34*, 35*.
     */
    static List<TimeToEvent> sixMercaptopurine() {
        return parse(6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35);
    }

    /** R survival package data set {@code aml}, rows with x == "Maintained" (weeks). */
    static List<TimeToEvent> amlMaintained() {
        return parse(9, 13, -13, 18, 23, -28, 31, 34, -45, 48, -161);
    }

    /** R survival package data set {@code aml}, rows with x == "Nonmaintained" (weeks). */
    static List<TimeToEvent> amlNonmaintained() {
        return parse(5, 5, 8, 8, 12, -16, 23, 27, 30, 33, 43, 45);
    }

    /** Both arms of {@code aml}. */
    static List<TimeToEvent> aml() {
        List<TimeToEvent> all = new ArrayList<>(amlMaintained());
        all.addAll(amlNonmaintained());
        return all;
    }

    /** Two deaths and a censoring tied at time 2: Surv(c(1,2,2,2,3,4), c(1,1,1,0,0,1)). */
    static List<TimeToEvent> ties() {
        return parse(1, 2, 2, -2, -3, 4);
    }

    /** A censoring before the first event: Surv(c(2,4,5,7,9), c(0,1,1,0,1)). */
    static List<TimeToEvent> censoredBeforeFirstEvent() {
        return parse(-2, 4, 5, -7, 9);
    }

    /** Six events at 1..6: S is exactly 0.5 on [3, 4). */
    static List<TimeToEvent> exactHalfOverInterval() {
        return parse(1, 2, 3, 4, 5, 6);
    }

    /** S falls to exactly 0.5 at 2 and stays there to the last observation, 4. */
    static List<TimeToEvent> exactHalfToTheEnd() {
        return parse(1, 2, -3, -4);
    }

    /** Nobody has an event: Surv(c(3,5,8), c(0,0,0)). */
    static List<TimeToEvent> allCensored() {
        return parse(-3, -5, -8);
    }

    static List<TimeToEvent> byName(String name) {
        return switch (name) {
            case "6-MP" -> sixMercaptopurine();
            case "aml" -> aml();
            case "aml-maintained" -> amlMaintained();
            case "aml-nonmaintained" -> amlNonmaintained();
            case "ties" -> ties();
            case "censored-before-first-event" -> censoredBeforeFirstEvent();
            case "exact-half-over-interval" -> exactHalfOverInterval();
            case "exact-half-to-the-end" -> exactHalfToTheEnd();
            case "all-censored" -> allCensored();
            default -> throw new IllegalArgumentException("unknown data set " + name);
        };
    }

    /** Positive values are event times, negative values censoring times (none of them is 0). */
    private static List<TimeToEvent> parse(double... signedTimes) {
        List<TimeToEvent> observations = new ArrayList<>();
        for (double signed : signedTimes) {
            observations.add(signed > 0 ? TimeToEvent.event(signed) : TimeToEvent.censored(-signed));
        }
        return observations;
    }
}
