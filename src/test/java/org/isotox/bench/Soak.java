package org.isotox.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Mixed load for a fixed time: one client thread writes new subjects (whole studies, every rule
 * engaged), one runs the users' searches and the trial operations in turn; the live heap (after a
 * full collection, once a minute) tells whether memory creeps, the background work waiting (the
 * read audit, once a minute) whether the server keeps up.
 */
final class Soak {

    private static final long SAMPLE_MILLIS = 60_000;

    private Soak() {}

    static Map<String, Object> run(BenchClient client, long pid, int minutes, Workload workload, Supplier<BenchStudy> newStudy)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + minutes * 60_000L;
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger writeErrors = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readErrors = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (System.currentTimeMillis() < deadline) {
                BenchStudy study = newStudy.get();
                for (List<BenchStudy.Step> subject : study.subjects()) {
                    for (BenchStudy.Step step : subject) {
                        if (System.currentTimeMillis() >= deadline) {
                            return;
                        }
                        count(client.post("", step.json()), writes, writeErrors);
                    }
                }
            }
        }, "soak-writer");
        List<Workload.Request> requests = new ArrayList<>(workload.searches());
        requests.addAll(workload.operations());
        Thread reader = new Thread(() -> {
            for (int i = 0; System.currentTimeMillis() < deadline; i++) {
                count(requests.get(i % requests.size()).call().get(), reads, readErrors);
            }
        }, "soak-reader");
        writer.start();
        reader.start();
        List<Double> liveHeap = new ArrayList<>();
        List<Integer> backgroundWaiting = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(Math.min(SAMPLE_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
            liveHeap.add(BenchmarkRun.round(ProcessMemory.liveHeapMib(pid)));
            backgroundWaiting.add(client.backgroundWaiting());
        }
        writer.join();
        reader.join();
        Map<String, Object> soak = new LinkedHashMap<>();
        soak.put("minutes", minutes);
        soak.put("writes", writes.get());
        soak.put("writeErrors", writeErrors.get());
        soak.put("reads", reads.get());
        soak.put("readErrors", readErrors.get());
        soak.put("liveHeapMibEachMinute", liveHeap);
        soak.put("liveHeapTrendMibPerMinute", BenchmarkRun.round(slope(liveHeap)));
        soak.put("backgroundWorkWaitingEachMinute", backgroundWaiting);
        System.out.println("soak: " + soak);
        return soak;
    }

    private static void count(BenchClient.Answer answer, AtomicInteger ok, AtomicInteger errors) {
        (answer.ok() ? ok : errors).incrementAndGet();
    }

    /** Least-squares slope per sample (a sample a minute). */
    static double slope(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (values.get(i) - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return covariance / variance;
    }
}
