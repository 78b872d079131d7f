package org.isotox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
