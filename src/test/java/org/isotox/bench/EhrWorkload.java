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

    /** Records of 705 and 764 entries, the size the issue measured the starter and this server with. */
    static final List<String> SYNTHEA = List.of(
            "Austin_Franecki_f23eef30-acb2-49da-8091-159b61dc1ed5.json", "Gilbert_Wunsch_ab591293-dc94-4290-a29f-f35522273600.json");

    /** The demo clients (id, secret) of the site whose EHR writes and whose investigator searches in the site part. */
    static final List<String> SITE_EHR = List.of("ehr-hmu2", "demo-ehr-hmu2");
    static final List<String> SITE_READER = List.of("investigator-hmu2", "demo-hmu2");

    private static final int WARM_UP = 10;

    private final int bundles = Integer.getInteger("bench.ehrBundles", 1000);
    private final int siteBundles = Integer.getInteger("bench.ehrSiteBundles", 300);
    private final int searches = Integer.getInteger("bench.ehrSearches", 300);
    private final int syntheaRounds = Integer.getInteger("bench.syntheaRounds", 3);

    /**
     * Sends the workload to {@code client}'s server, running in {@code mode}: the coordinator's part, then the
     * site's ({@link #site}).
     */
    Map<String, Object> run(BenchClient client, BenchClient siteEhr, BenchClient siteReader, ServerMode mode, int threads) {
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
            measured.put("chainedSearch", chained("Observation chained on the patient's MRN", client, mode, tag, bundles));
        }
        measured.put("synthea", synthea(client));
        measured.put("site", site(client, siteEhr, siteReader, mode, threads));
        return measured;
    }

    /**
     * The site's part (in the secured modes, what site ownership costs): {@code bench.ehrSiteBundles} more of
     * the bundles, written by the site's EHR client (every resource labelled as the site's), then the same
     * chained search by the site's investigator (narrowed to the site's resources) and by the coordinator
     * (not narrowed), on the same data.
     */
    private Map<String, Object> site(BenchClient coordinator, BenchClient siteEhr, BenchClient siteReader, ServerMode mode, int threads) {
        Map<String, Object> measured = new LinkedHashMap<>();
        if (siteBundles == 0) {
            return measured;
        }
        String tag = "site" + mode.ordinal();
        Ingest.Result ingest = Ingest.independent(siteEhr, EhrBundles.transactions(tag, siteBundles, 13), threads);
        measured.put("ingest", Map.of("resources", ingest.resources(), "errors", ingest.errors(),
                "resourcesPerSecond", BenchmarkRun.round(ingest.resourcesPerSecond()), "firstErrors", ingest.firstErrors()));
        System.out.printf(Locale.ROOT, "EHR ingest by the site's EHR %8.1f resources/s (%d resources, %d errors)%n",
                ingest.resourcesPerSecond(), ingest.resources(), ingest.errors());
        int visible = siteReader.count("Observation");
        measured.put("observationsTheSiteSees", visible);
        if (visible < siteBundles * EhrBundles.OBSERVATIONS) {
            throw new IllegalStateException("The site's investigator sees " + visible + " Observations of the "
                    + siteBundles * EhrBundles.OBSERVATIONS + " its EHR wrote: the site part would measure empty searches");
        }
        if (searches > 0) {
            int[] patients = new SplittableRandom(17).ints(WARM_UP + searches, 0, siteBundles).toArray();
            List<Latencies> paired = Latencies.paired("the same, by the site's investigator", "the same, by the coordinator",
                    WARM_UP, searches, i -> siteReader.get(chainedQuery(tag, patients[i])), i -> coordinator.get(chainedQuery(tag, patients[i])),
                    mode.hasBackgroundWork() ? coordinator::awaitQuiet : () -> {});
            paired.forEach(EhrWorkload::print);
            measured.put("chainedBySite", paired.get(0));
            measured.put("chainedByCoordinator", paired.get(1));
        }
        return measured;
    }

    /** {@code searches} chained Observation searches by {@code reader} on random patients of {@code tag}'s bundles. */
    private Latencies chained(String name, BenchClient reader, ServerMode mode, String tag, int patients) {
        SplittableRandom random = new SplittableRandom(11);
        Latencies chained = Latencies.measure(name, WARM_UP, searches, () -> reader.get(chainedQuery(tag, random.nextInt(patients))),
                mode.hasBackgroundWork() ? reader::awaitQuiet : () -> {});
        print(chained);
        return chained;
    }

    /** A patient's heart rates, the patient named by MRN through the chain. */
    private static String chainedQuery(String tag, int patient) {
        return "Observation?subject:Patient.identifier="
                + URLEncoder.encode(EhrBundles.MRN_SYSTEM + "|" + EhrBundles.mrn(tag, patient), StandardCharsets.UTF_8)
                + "&code=http://loinc.org%7C8867-4";
    }

    private static void print(Latencies latencies) {
        System.out.printf(Locale.ROOT, "%-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d errors)%n", latencies.name(),
                latencies.p50(), latencies.p95(), latencies.p99(), latencies.errors());
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
