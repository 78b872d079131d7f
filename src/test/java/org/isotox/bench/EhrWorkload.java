package org.isotox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What EHRs send and ask that concerns no trial, measured on one server: {@link EhrBundles}
 * transactions from 2 client threads, chained Observation searches on their patients, and Synthea
 * R4 patient bundles as generated (the test fixtures of {@code src/test/resources/synthea}), one
 * at a time, timed each.
 */
final class EhrWorkload {

    static final List<String> SYNTHEA = List.of(
            "Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json", "Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json");

    private final int bundles = Integer.getInteger("bench.ehrBundles", 1000);
    private final int searches = Integer.getInteger("bench.ehrSearches", 300);
    private final int syntheaRounds = Integer.getInteger("bench.syntheaRounds", 3);

    /** Sends the workload to {@code client}'s server, running in {@code mode}. */
    Map<String, Object> run(BenchClient client, ServerMode mode, int threads) {
        String tag = "ehr" + mode.ordinal();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<BenchStudy.Step> transactions = EhrBundles.transactions(tag, bundles, 7);
        Ingest.Result ingest = Ingest.independent(client, transactions, threads);
        measured.put("ingest", Map.of("resources", ingest.resources(), "transactions", ingest.transactions(),
                "errors", ingest.errors(), "seconds", BenchmarkRun.round(ingest.seconds()),
                "resourcesPerSecond", BenchmarkRun.round(ingest.resourcesPerSecond()), "firstErrors", ingest.firstErrors()));
        System.out.printf(Locale.ROOT, "EHR ingest %8.1f resources/s (%d resources, %d errors, %.0f s)%n",
                ingest.resourcesPerSecond(), ingest.resources(), ingest.errors(), ingest.seconds());
        if (searches > 0 && bundles > 0) {
            SplittableRandom random = new SplittableRandom(11);
            Latencies chained = Latencies.measure("Observation chained on the patient's MRN", 10, searches,
                    () -> client.get("Observation?subject:Patient.identifier="
                            + URLEncoder.encode(EhrBundles.MRN_SYSTEM + "|" + EhrBundles.mrn(tag, random.nextInt(bundles)), StandardCharsets.UTF_8)
                            + "&code=http://loinc.org%7C8867-4"),
                    mode.hasBackgroundWork() ? client::awaitQuiet : () -> {});
            measured.put("chainedSearch", chained);
            System.out.printf(Locale.ROOT, "%-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d errors)%n", chained.name(),
                    chained.p50(), chained.p95(), chained.p99(), chained.errors());
        }
        measured.put("synthea", synthea(client));
        return measured;
    }

    /** Each Synthea bundle {@code bench.syntheaRounds} times, one at a time: seconds per bundle. */
    private Map<String, Object> synthea(BenchClient client) {
        List<String> bodies = SYNTHEA.stream().map(EhrWorkload::fixture).toList();
        List<Double> seconds = new ArrayList<>();
        int errors = 0;
        String firstError = null;
        for (int round = 0; round < syntheaRounds; round++) {
            for (String body : bodies) {
                BenchClient.Answer answer = client.post("", body);
                seconds.add(Math.round(answer.nanos() / 1e7) / 100.0);
                if (!answer.ok()) {
                    errors++;
                    firstError = firstError != null ? firstError
                            : answer.status() + " " + answer.body().substring(0, Math.min(600, answer.body().length()));
                }
            }
        }
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "Synthea bundles: %.2f s per bundle (%d bundles, %d errors)%n", mean, seconds.size(), errors);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("secondsPerBundle", Math.round(mean * 100) / 100.0);
        result.put("seconds", seconds);
        result.put("errors", errors);
        if (firstError != null) {
            result.put("firstError", firstError);
        }
        return result;
    }

    private static String fixture(String name) {
        try (InputStream in = EhrWorkload.class.getResourceAsStream("/synthea/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Synthea fixture missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
