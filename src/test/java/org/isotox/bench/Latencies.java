package org.isotox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Latency percentiles (nearest rank) of repeated requests, after a warm-up that is not counted.
 * Before each request the server finishes the background work of the previous ones (their read
 * audit): each request meets a server that is not busy, as its user would on a server that keeps up.
 * The soak measures the server under continuous load.
 */
record Latencies(String name, int samples, int errors, double p50, double p95, double p99) {

    static Latencies measure(String name, int warmUp, int samples, Supplier<BenchClient.Answer> request, Runnable quiet) {
        for (int i = 0; i < warmUp; i++) {
            request.get();
        }
        List<Double> millis = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < samples; i++) {
            quiet.run();
            BenchClient.Answer answer = request.get();
            if (!answer.ok()) {
                errors++;
            }
            millis.add(answer.nanos() / 1e6);
        }
        Collections.sort(millis);
        return new Latencies(name, samples, errors, rank(millis, 0.50), rank(millis, 0.95), rank(millis, 0.99));
    }

    /**
     * Two requests on the same target per sample (sample {@code i} asks {@code a.apply(i)} and {@code b.apply(i)}),
     * in alternating order: the first of a pair warms the database's cache for the second, so each gets to go
     * first half of the time.
     */
    static List<Latencies> paired(String nameA, String nameB, int warmUp, int samples,
            IntFunction<BenchClient.Answer> a, IntFunction<BenchClient.Answer> b, Runnable quiet) {
        for (int i = 0; i < warmUp; i++) {
            a.apply(i);
            b.apply(i);
        }
        List<Double> millisA = new ArrayList<>();
        List<Double> millisB = new ArrayList<>();
        int[] errors = new int[2];
        for (int i = warmUp; i < warmUp + samples; i++) {
            boolean aFirst = i % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean isA = (turn == 0) == aFirst;
                quiet.run();
                BenchClient.Answer answer = isA ? a.apply(i) : b.apply(i);
                errors[isA ? 0 : 1] += answer.ok() ? 0 : 1;
                (isA ? millisA : millisB).add(answer.nanos() / 1e6);
            }
        }
        Collections.sort(millisA);
        Collections.sort(millisB);
        return List.of(
                new Latencies(nameA, samples, errors[0], rank(millisA, 0.50), rank(millisA, 0.95), rank(millisA, 0.99)),
                new Latencies(nameB, samples, errors[1], rank(millisB, 0.50), rank(millisB, 0.95), rank(millisB, 0.99)));
    }

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
