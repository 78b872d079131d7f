package org.isotox.endpoints.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subjects over whom the time-to-event endpoints are estimated, and how a withdrawn subject
 * (withdrawn or lost to follow-up, which the record keeps as a withdrawal) counts in each.
 */
public enum AnalysisPopulation {

    /**
     * The protocol's: "shedding, withdrawal and loss of follow-up cases will not be included in the
     * statistical analysis". Every withdrawn subject is left out, whatever its withdrawal date.
     */
    PROTOCOL("Protocol population: withdrawn and lost to follow-up excluded"),

    /**
     * Every enrolled subject. A withdrawn subject's record ends on the day its follow-up ended
     * ({@link SubjectFollowUp#followedUntil()}), a day it was known alive: what is dated after
     * it does not count, and each endpoint censors by its own rule within that record (OS at the
     * withdrawal, PFS, TTP and LC at the last tumour assessment on or before it).
     */
    ALL_ENROLLED("All enrolled subjects, withdrawn censored at withdrawal");

    private final String display;

    AnalysisPopulation(String display) {
        this.display = display;
    }

    /** The population's code in the project's CodeSystem: {@code protocol}, {@code all-enrolled}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String display() {
        return display;
    }

    public static Optional<AnalysisPopulation> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    /** The subject's time to the endpoint as of {@code asOf}; empty when this population leaves the subject out. */
    public Optional<TimeToEvent> timeToEvent(Endpoint endpoint, SubjectFollowUp subject, LocalDate asOf) {
        Optional<LocalDate> followedUntil = subject.followedUntil();
        if (followedUntil.isEmpty()) {
            return Optional.of(endpoint.of(subject, asOf));
        }
        if (this == PROTOCOL) {
            return Optional.empty();
        }
        LocalDate end = followedUntil.get();
        // Withdrawn after the analysis date: as of then the subject was still followed.
        return Optional.of(end.isAfter(asOf) ? endpoint.of(subject, asOf) : endpoint.of(subject.lastSeenOn(end), end));
    }

    /** Each time-to-event endpoint's Kaplan-Meier curve over this population, in the order of {@link Endpoint}. */
    public Map<Endpoint, SurvivalCurve> survival(
            Collection<SubjectFollowUp> subjects, LocalDate asOf, KaplanMeierEstimator estimator) {
        Map<Endpoint, SurvivalCurve> curves = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            curves.put(endpoint, estimator.estimate(
                    subjects.stream().flatMap(s -> timeToEvent(endpoint, s, asOf).stream()).toList()));
        }
        return curves;
    }
}
