package org.isotox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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
        return run(client, queue::poll, threads, study -> {});
    }

    /**
     * Sends the studies {@code next} hands out (made when a thread asks, so that they need not all
     * be in memory; null when there are no more) and tells {@code loaded} of each study the server
     * took whole.
     */
    static Result run(BenchClient client, Supplier<BenchStudy> next, int threads, Consumer<BenchStudy> loaded) {
        return send(client, next, BenchStudy::subjects, loaded, threads);
    }

    /** Sends transactions that do not depend on one another (a failed one stops none of the others). */
    static Result independent(BenchClient client, List<BenchStudy.Step> transactions, int threads) {
        ConcurrentLinkedQueue<BenchStudy.Step> queue = new ConcurrentLinkedQueue<>(transactions);
        return send(client, queue::poll, step -> List.of(List.of(step)), step -> {}, threads);
    }

    /**
     * Sends the units {@code next} hands out, each as chains of transactions where a failure stops the
     * rest of its chain, and tells {@code whole} of each unit the server took whole.
     */
    private static <T> Result send(
            BenchClient client, Supplier<T> next, Function<T, List<List<BenchStudy.Step>>> chains, Consumer<T> whole, int threads) {
        AtomicInteger resources = new AtomicInteger();
        AtomicInteger transactions = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                for (T unit = next.get(); unit != null; unit = next.get()) {
                    boolean complete = true;
                    for (List<BenchStudy.Step> chain : chains.apply(unit)) {
                        for (BenchStudy.Step step : chain) {
                            BenchClient.Answer answer = client.post("", step.json());
                            if (answer.ok()) {
                                resources.addAndGet(step.resources());
                                transactions.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                complete = false;
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(answer.status() + " " + answer.body().substring(0, Math.min(600, answer.body().length())));
                                }
                                break; // the chain's later steps depend on this one
                            }
                        }
                    }
                    if (complete) {
                        whole.accept(unit);
                    }
                }
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> finished : clients) {
                finished.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("A client thread failed", e.getCause());
        }
        return new Result(resources.get(), transactions.get(), errors.get(), (System.nanoTime() - start) / 1e9, List.copyOf(firstErrors));
    }
}
