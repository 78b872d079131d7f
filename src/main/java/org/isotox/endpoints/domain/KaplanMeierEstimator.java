package org.isotox.endpoints.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kaplan-Meier (product-limit) estimator for right-censored data, computed the way R's
 * {@code survival::survfit(Surv(time, status) ~ 1)} computes it.
 *
 * <p>At a time with both events and censorings the events come first: a subject censored at t
 * is still at risk at t. Greenwood's variance of S(t) is S(t)^2 * sum d / (n (n - d)) over the
 * event times <= t (Greenwood 1926; Klein and Moeschberger, Survival Analysis, 2nd ed. 2003,
 * section 4.2).
 */
public final class KaplanMeierEstimator {

    private final ConfidenceSettings settings;

    public KaplanMeierEstimator(ConfidenceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** An estimator with 95 % log-log confidence intervals. */
    public KaplanMeierEstimator() {
        this(ConfidenceSettings.defaults());
    }

    public ConfidenceSettings settings() {
        return settings;
    }

    /**
     * Estimates the survival curve; an empty collection gives a curve with no rows (every
     * estimate absent).
     *
     * @throws IllegalArgumentException if an element is null (the message names its position)
     */
    public SurvivalCurve estimate(Collection<TimeToEvent> observations) {
        Objects.requireNonNull(observations, "observations");
        TimeToEvent[] sorted = observations.toArray(TimeToEvent[]::new);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] == null) {
                throw new IllegalArgumentException("observation at position " + i + " is null");
            }
        }
        Arrays.sort(sorted, Comparator.comparingDouble(TimeToEvent::time));
        double[] sortedTimes = Arrays.stream(sorted).mapToDouble(TimeToEvent::time).toArray();
        double z = settings.z();

        List<KaplanMeierRow> rows = new ArrayList<>();
        double survival = 1.0;
        double greenwoodSum = 0.0;
        int index = 0;
        while (index < sorted.length) {
            double time = sorted[index].time();
            int atRisk = sorted.length - index;
            int events = 0;
            int censored = 0;
            while (index < sorted.length && sorted[index].time() == time) {
                if (sorted[index].event()) {
                    events++;
                } else {
                    censored++;
                }
                index++;
            }
            if (events > 0) {
                survival *= (double) (atRisk - events) / atRisk;
                greenwoodSum += events == atRisk
                        ? Double.POSITIVE_INFINITY
                        : events / ((double) atRisk * (atRisk - events));
            }
            double logSe = Math.sqrt(greenwoodSum);
            OptionalDouble standardError = survival > 0 ? OptionalDouble.of(survival * logSe) : OptionalDouble.empty();
            Optional<ConfidenceInterval> interval = settings.transform().interval(survival, logSe, z);
            rows.add(new KaplanMeierRow(time, atRisk, events, censored, survival, standardError, interval));
        }
        return new SurvivalCurve(settings, sortedTimes, rows);
    }
}
