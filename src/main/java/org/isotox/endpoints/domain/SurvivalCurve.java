package org.isotox.endpoints.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * A Kaplan-Meier survival curve with Greenwood standard errors and pointwise confidence
 * intervals, and the readings a trial report needs: survival at fixed times, numbers at risk,
 * median and other quantiles with confidence limits. Built by {@link KaplanMeierEstimator}.
 */
public final class SurvivalCurve {

    private final ConfidenceSettings settings;
    private final double[] sortedTimes;
    private final List<KaplanMeierRow> rows;
    private final double[] rowTimes;
    private final Optional<ConfidenceInterval> intervalBeforeFirstEvent;

    SurvivalCurve(ConfidenceSettings settings, double[] sortedTimes, List<KaplanMeierRow> rows) {
        this.settings = settings;
        this.sortedTimes = sortedTimes.clone();
        this.rows = List.copyOf(rows);
        this.rowTimes = this.rows.stream().mapToDouble(KaplanMeierRow::time).toArray();
        // S = 1 with a zero standard error: LOG and PLAIN give [1, 1], LOG_LOG is undefined.
        this.intervalBeforeFirstEvent = settings.transform().interval(1.0, 0, settings.z());
    }

    public ConfidenceSettings settings() {
        return settings;
    }

    /** The number of subjects (observations). */
    public int subjects() {
        return sortedTimes.length;
    }

    /** The number of observed events. */
    public int events() {
        return rows.stream().mapToInt(KaplanMeierRow::events).sum();
    }

    /** One row per distinct observation time, events or censorings (survfit's own table). */
    public List<KaplanMeierRow> rows() {
        return rows;
    }

    /** One row per distinct event time (the table {@code summary(survfit(...))} prints). */
    public List<KaplanMeierRow> eventRows() {
        return rows.stream().filter(KaplanMeierRow::hasEvents).toList();
    }

    /** The largest observation time, event or censored; absent when there are no subjects. */
    public OptionalDouble lastObservationTime() {
        return sortedTimes.length == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(sortedTimes[sortedTimes.length - 1]);
    }

    /**
     * The estimate at a fixed time t: survival, standard error and interval of the last
     * distinct observation time <= t (S = 1 before the first), and the number at risk at t.
     * Absent beyond the last observation time, where the curve is not estimated; this is what
     * {@code summary(fit, times = t)} does with its default {@code extend = FALSE}: it drops such
     * times. At exactly the last observation time the estimate is present.
     *
     * @param time a time >= 0, in the unit of the observations
     */
    public Optional<SurvivalAtTime> at(double time) {
        requireQueryTime(time);
        if (sortedTimes.length == 0 || time > sortedTimes[sortedTimes.length - 1]) {
            return Optional.empty();
        }
        int last = lastRowAtOrBefore(time);
        if (last < 0) {
            return Optional.of(new SurvivalAtTime(time, atRisk(time), 1.0, OptionalDouble.of(0),
                    intervalBeforeFirstEvent));
        }
        KaplanMeierRow row = rows.get(last);
        return Optional.of(new SurvivalAtTime(time, atRisk(time), row.survival(), row.standardError(),
                row.confidenceInterval()));
    }

    /**
     * The number of subjects whose observation time is >= t (those censored at t included), as
     * printed under a Kaplan-Meier plot; 0 beyond the last observation time.
     *
     * @param time a time >= 0, in the unit of the observations
     */
    public int atRisk(double time) {
        requireQueryTime(time);
        return sortedTimes.length - firstIndexAtOrAfter(sortedTimes, time);
    }

    /**
     * The median survival time and its confidence limits as {@code print(survfit(...))} shows
     * them: the first time S <= 0.5, or, when S equals 0.5 exactly over an interval, the midpoint
     * between the time it reached 0.5 and the next event time (at which it drops below); the
     * limits apply the same rule to the lower and upper confidence curves.
     */
    public QuantileEstimate median() {
        return new QuantileEstimate(0.5,
                SurvfitQuantileRules.printedMedian(rowTimes, curve(KaplanMeierRow::survival)),
                SurvfitQuantileRules.printedMedian(rowTimes, curve(lowerLimit())),
                SurvfitQuantileRules.printedMedian(rowTimes, curve(upperLimit())));
    }

    /**
     * The time by which a fraction p has failed (S falls to 1 - p) with confidence limits, as
     * {@code quantile(survfit(...), probs = p)} computes it. For p = 0.5 this equals
     * {@link #median()} except when S stays exactly 0.5 until the last observation time:
     * quantile.survfit then takes the midpoint with that last time, print.survfit the time S
     * reached 0.5.
     *
     * @param probability the fraction failed, in (0, 1)
     */
    public QuantileEstimate quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + probability);
        }
        return new QuantileEstimate(probability,
                SurvfitQuantileRules.quantile(rowTimes, curve(KaplanMeierRow::survival), probability),
                SurvfitQuantileRules.quantile(rowTimes, curve(lowerLimit()), probability),
                SurvfitQuantileRules.quantile(rowTimes, curve(upperLimit()), probability));
    }

    // NaN marks a limit survfit reports as NA; SurvfitQuantileRules skips such points.
    private static ToDoubleFunction<KaplanMeierRow> lowerLimit() {
        return row -> row.confidenceInterval().map(ConfidenceInterval::lower).orElse(Double.NaN);
    }

    private static ToDoubleFunction<KaplanMeierRow> upperLimit() {
        return row -> row.confidenceInterval().map(ConfidenceInterval::upper).orElse(Double.NaN);
    }

    private double[] curve(ToDoubleFunction<KaplanMeierRow> value) {
        return rows.stream().mapToDouble(value).toArray();
    }

    private int lastRowAtOrBefore(double time) {
        int index = Arrays.binarySearch(rowTimes, time);
        return index >= 0 ? index : -index - 2;
    }

    /** The first index whose value is >= t in an ascending array (its length when none is). */
    private static int firstIndexAtOrAfter(double[] ascending, double time) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void requireQueryTime(double time) {
        if (Double.isNaN(time) || Double.isInfinite(time) || time < 0) {
            throw new IllegalArgumentException("time must be a finite number >= 0, was " + time);
        }
    }
}
