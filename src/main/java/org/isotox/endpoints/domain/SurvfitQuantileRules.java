package org.isotox.endpoints.domain;

import java.util.HashSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The two rules R's survival package (3.5) uses to read a time off a step curve, reproduced so
 * that the numbers here match what an R user sees. Curve values are given at the ascending
 * distinct observation times; {@code NaN} marks a value survfit reports as NA (a confidence limit
 * at S = 1 or S = 0), and such points are skipped as R skips them.
 */
final class SurvfitQuantileRules {

    /** R's {@code sqrt(.Machine$double.eps)}, the tolerance both rules use. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private static final double HALF = 0.5;

    private SurvfitQuantileRules() {
    }

    /**
     * The median as {@code print.survfit} reports it ({@code minmin} in {@code survival:::survmean}):
     * the first time the curve is <= 0.5; if it is exactly 0.5 there (within the tolerance) and
     * later falls below that value, the midpoint between that time and the first time it does.
     */
    static OptionalDouble printedMedian(double[] times, double[] values) {
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && values[i] < HALF + TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(values[first] - HALF) < TOLERANCE) {
            for (int j = first + 1; j < values.length; j++) {
                if (!Double.isNaN(values[j]) && values[j] < values[first]) {
                    return OptionalDouble.of((times[first] + times[j]) / 2);
                }
            }
        }
        return OptionalDouble.of(times[first]);
    }

    /**
     * The p-quantile as {@code quantile.survfit} computes it ({@code survival:::findq}): on the
     * failure curve F = 1 - value, prefixed by F = 0 at time 0 and with repeated values dropped,
     * the midpoint between the first time F reaches p - tol and the first time it reaches p + tol;
     * when the curve ends exactly at p, the midpoint between the time it reached p and the last
     * observation time.
     */
    static OptionalDouble quantile(double[] times, double[] values, double p) {
        int size = times.length + 1;
        double[] x = new double[size];
        double[] y = new double[size];
        double maxY = 0;
        for (int i = 1; i < size; i++) {
            x[i] = times[i - 1];
            y[i] = 1 - values[i - 1];
            if (!Double.isNaN(y[i])) {
                maxY = Math.max(maxY, y[i]);
            }
        }
        if (maxY < p) {
            return OptionalDouble.empty();
        }
        double lastTime = x[size - 1];

        // keep the first time each distinct value (NA counting as one value) is reached
        Set<Double> seen = new HashSet<>();
        double[] keptX = new double[size];
        double[] keptY = new double[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (seen.add(y[i])) {
                keptX[kept] = x[i];
                keptY[kept] = y[i];
                kept++;
            }
        }

        int reached = smallestAtLeast(keptY, kept, TOLERANCE, p);
        int passed = smallestAtLeast(keptY, kept, -TOLERANCE, p);
        double result = reached >= 0 && passed >= 0 ? (keptX[reached] + keptX[passed]) / 2 : Double.NaN;
        double lastValue = keptY[kept - 1];
        if (!Double.isNaN(lastValue) && Math.abs(p - lastValue) < TOLERANCE) {
            result = reached >= 0 ? (keptX[reached] + lastTime) / 2 : Double.NaN;
        }
        return Double.isNaN(result) ? OptionalDouble.empty() : OptionalDouble.of(result);
    }

    /**
     * What {@code approx(y + shift, index, p, method = "constant", f = 1)} returns: the index of the
     * smallest key y + shift that is >= p, or -1 when p lies outside the range of the keys (R's
     * rule = 1 gives NA there). NaN values are ignored.
     */
    private static int smallestAtLeast(double[] y, int length, double shift, double p) {
        double minKey = Double.POSITIVE_INFINITY;
        double maxKey = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int k = 0; k < length; k++) {
            if (Double.isNaN(y[k])) {
                continue;
            }
            double key = y[k] + shift;
            minKey = Math.min(minKey, key);
            maxKey = Math.max(maxKey, key);
            if (key >= p && (best < 0 || key < y[best] + shift)) {
                best = k;
            }
        }
        return p < minKey || p > maxKey ? -1 : best;
    }
}
