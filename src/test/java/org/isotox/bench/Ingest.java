package org.isotox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends studies' transactions with {@code threads} client threads, each taking whole studies (a
 * study's subjects go in enrolment order, as the trial's gates need), and counts what the server
 * acknowledged.
 */
final class Ingest {

    record Result(int resources, int transactions, int errors, double seconds, List<String> firstErrors) {
        double resourcesPerSecond() {
            return resources / seconds;
        }
    }

    private Ingest() {}

    static Result run(BenchClient client, List<BenchStudy> studies, int threads) {
        ConcurrentLinkedQueue<BenchStudy> queue = new ConcurrentLinkedQueue<>(studies);
        AtomicInteger resources = new AtomicInteger();
        AtomicInteger transactions = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (BenchStudy study = queue.poll(); study != null; study = queue.poll()) {
                    for (List<BenchStudy.Step> subject : study.subjects()) {
                        for (BenchStudy.Step step : subject) {
                            BenchClient.Answer answer = client.post("", step.json());
                            if (answer.ok()) {
                                resources.addAndGet(step.resources());
                                transactions.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(answer.status() + " " + answer.body().substring(0, Math.min(600, answer.body().length())));
                                }
                                break; // the subject's later steps depend on this one
                            }
                        }
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(12, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(resources.get(), transactions.get(), errors.get(), (System.nanoTime() - start) / 1e9, List.copyOf(firstErrors));
    }
}
