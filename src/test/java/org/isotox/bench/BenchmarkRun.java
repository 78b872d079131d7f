package org.isotox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.isotox.testsupport.EmbeddedPostgresDatabase;
import org.isotox.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code mvn -Pbench verify}): the server as a separate JVM on the embedded
 * PostgreSQL, a fresh database per mode. Ingest of the same generated trial data (IHR study copies,
 * every subject from work-up to follow-up, 2 client threads) with HAPI JPA as it comes, with our
 * server without its trial rules, and with everything on; then, on the full server, the data grown
 * to {@code bench.subjects} subjects, the users' searches and the trial operations, heap and RSS,
 * a soak of mixed load, and the time to ready of a restart. Prints a table, writes
 * {@code target/bench/results-*.json} and appends a dated row to {@code bench/RESULTS.md}.
 * Timings are reported, never asserted.
 *
 * <p>With {@code bench.dataDir}, the grown data set lives in a database kept in that directory
 * ({@code bench_scale}, beside a ledger of its studies) and a run carries on growing it where the
 * last one stopped; {@code bench.loadMinutes} bounds the growing of one run and
 * {@code bench.growOnly} does nothing else, so that 10 000 subjects can be loaded over several
 * sittings and measured in the last.
 */
class BenchmarkRun {

    private static final int THREADS = 2;
    private static final LocalDate FIRST_ENROLMENT = LocalDate.of(2025, 1, 6);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private final int ingestStudies = Integer.getInteger("bench.ingestStudies", 2);
    private final int subjectsPerIngestStudy = Integer.getInteger("bench.subjectsPerStudy", 15);
    private final int searchSubjects = Integer.getInteger("bench.subjects", 1000);
    private final int soakMinutes = Integer.getInteger("bench.soakMinutes", 10);
    private final int searchSamples = Integer.getInteger("bench.searchSamples", 200);
    private final int operationSamples = Integer.getInteger("bench.operationSamples", 30);
    private final boolean flightRecording = Boolean.getBoolean("bench.jfr");
    private final List<ServerMode> modes = ServerMode.selected(System.getProperty("bench.modes", ""));
    private final boolean ingestOnly = Boolean.getBoolean("bench.ingestOnly");
    private final Path keptData = Optional.ofNullable(System.getProperty("bench.dataDir")).filter(s -> !s.isBlank())
            .map(Path::of).orElse(null);
    private final boolean growOnly = Boolean.getBoolean("bench.growOnly");
    private final int loadMinutes = Integer.getInteger("bench.loadMinutes", 0);
    private final StudyLedger ledger = keptData == null ? StudyLedger.inMemory() : StudyLedger.in(keptData.resolve("studies.txt"));
    private final List<String> jvm = flightRecording
            // JFR keeps 64 frames by default: HAPI's transaction stacks are deeper, and a profile cut at 64 names no caller
            ? List.of("-Xmx1g", "-XX:FlightRecorderOptions:stackdepth=1024")
            : List.of("-Xmx1g");
    private static final String SCALE_DATABASE = "bench_scale";
    private final Path out = Path.of("target", "bench");
    private final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(out);
        if (keptData != null) {
            EmbeddedPostgresDatabase.keepDataIn(keptData.resolve("postgres"));
        }
        results.put("date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("machine", machine());
        if (growOnly) {
            growKeptDataSet();
            return;
        }
        Map<String, Object> ingest = new LinkedHashMap<>();
        results.put("ingest", ingest);
        Map<String, Object> ehr = new LinkedHashMap<>();
        results.put("ehr", ehr);
        ServerProcess full = null;
        BenchClient client = null;
        List<BenchStudy> loaded = new ArrayList<>();
        for (ServerMode mode : modes) {
            String database = EmbeddedPostgresDatabase.freshDatabase("bench_" + mode.label.replace('-', '_'));
            long start = System.nanoTime();
            ServerProcess server = ServerProcess.start(out.resolve("server-" + mode.label + ".log"), database, jvm, mode.arguments);
            double ready = (System.nanoTime() - start) / 1e9;
            client = new BenchClient(server.port(), mode.secured);
            Ingest.run(client, List.of(BenchStudy.create(client, "w" + mode.ordinal(), 1, 6, FIRST_ENROLMENT, AS_OF)), THREADS);
            if (flightRecording) {
                Jcmd.run(server.pid(), "JFR.start", "name=bench", "settings=profile");
            }
            List<BenchStudy> studies = new ArrayList<>();
            for (int i = 0; i < ingestStudies; i++) {
                studies.add(BenchStudy.create(client, "i" + mode.ordinal() + "x" + i, 100 + i, subjectsPerIngestStudy, FIRST_ENROLMENT, AS_OF));
            }
            Ingest.Result result;
            Map<String, Long> versionsBefore = StoredWrites.count(database);
            Map<String, Long> written;
            try {
                try {
                    result = Ingest.run(client, studies, THREADS);
                    written = StoredWrites.since(versionsBefore, StoredWrites.count(database));
                } finally {
                    stopRecording(server, mode.label + "-ingest.jfr");
                }
                if (flightRecording) {
                    Jcmd.run(server.pid(), "JFR.start", "name=bench", "settings=profile");
                }
                try {
                    ehr.put(mode.label, new EhrWorkload().run(client,
                            new BenchClient(server.port(), mode.secured, EhrWorkload.SITE_EHR.get(0), EhrWorkload.SITE_EHR.get(1)),
                            new BenchClient(server.port(), mode.secured, EhrWorkload.SITE_READER.get(0), EhrWorkload.SITE_READER.get(1)),
                            mode, THREADS));
                } finally {
                    stopRecording(server, mode.label + "-ehr.jfr");
                }
            } finally {
                if (mode != ServerMode.FULL || ingestOnly || keptData != null) {
                    server.close();
                }
            }
            double writesPerResource = written.values().stream().mapToLong(Long::longValue).sum() / (double) result.resources();
            ingest.put(mode.label, Map.of("readyOnFreshDatabaseSeconds", round(ready), "resources", result.resources(),
                    "transactions", result.transactions(), "errors", result.errors(), "seconds", round(result.seconds()),
                    "resourcesPerSecond", round(result.resourcesPerSecond()), "firstErrors", result.firstErrors(),
                    "versionsWritten", written, "versionsWrittenPerResourceSent", round(writesPerResource)));
            System.out.printf(Locale.ROOT, "ingest %-9s %8.1f resources/s (%d resources, %d transactions, %d errors, %.0f s); "
                            + "%.1f versions stored per resource sent: %s%n",
                    mode.label, result.resourcesPerSecond(), result.resources(), result.transactions(), result.errors(), result.seconds(),
                    writesPerResource, written);
            if (mode == ServerMode.FULL && keptData == null) {
                full = server;
                loaded.addAll(studies);
            }
        }
        if (modes.size() == ServerMode.values().length) {
            ehr.put("ratios", EhrRatios.of(ehr));
            System.out.println("EHR workload over baseline: " + ehr.get("ratios"));
        }
        if (modes.size() < ServerMode.values().length || ingestOnly) {
            report(false);
            return;
        }
        ingest.put("fullOverBaseline", Math.round(100 * rate(ingest, "full") / rate(ingest, "baseline")) / 100.0);
        ingest.put("fullOverRulesOff", Math.round(100 * rate(ingest, "full") / rate(ingest, "rules-off")) / 100.0);

        String measured = "bench_full";
        if (keptData != null) {
            measured = SCALE_DATABASE;
            full = ServerProcess.start(out.resolve("server-scale.log"), EmbeddedPostgresDatabase.existingOrNewDatabase(measured), jvm,
                    ServerMode.FULL.arguments);
            client = new BenchClient(full.port(), true);
            loaded.addAll(loadedEarlier(client));
        }
        try (ServerProcess server = full) {
            if (!grow(client, loaded)) {
                report(false);
                return;
            }
            results.put("afterLoad", memory(server));
            BenchClient fullClient = client;
            Workload workload = new Workload(fullClient, loaded);
            results.put("searches", measure(client, workload.searches(), 10, searchSamples));
            results.put("operations", measure(client, workload.operations(), 3, operationSamples));
            results.put("soak", Soak.run(client, server.pid(), soakMinutes, workload, () -> studyFor(fullClient, 30)));
            results.put("afterSoak", memory(server));
        }

        long start = System.nanoTime();
        try (ServerProcess restarted = ServerProcess.start(out.resolve("server-restart.log"),
                EmbeddedPostgresDatabase.databaseUrl(measured), jvm, ServerMode.FULL.arguments)) {
            results.put("readyAfterRestartSeconds", round((System.nanoTime() - start) / 1e9));
        }
        report(true);
        assertThat(((Number) ((Map<?, ?>) ingest.get("full")).get("errors")).intValue()).as("full-mode ingest errors").isZero();
    }

    /** {@code bench.growOnly}: the kept data set grown (within {@code bench.loadMinutes}), nothing measured. */
    private void growKeptDataSet() throws Exception {
        if (keptData == null) {
            throw new IllegalArgumentException("bench.growOnly grows the data set kept in bench.dataDir; name that directory");
        }
        try (ServerProcess server = ServerProcess.start(out.resolve("server-scale.log"),
                EmbeddedPostgresDatabase.existingOrNewDatabase(SCALE_DATABASE), jvm, ServerMode.FULL.arguments)) {
            BenchClient client = new BenchClient(server.port(), true);
            grow(client, new ArrayList<>(loadedEarlier(client)));
        }
        report(false);
    }

    /** The studies earlier runs loaded into the kept data set; the last one generated again, for its questionnaire. */
    private List<BenchStudy> loadedEarlier(BenchClient client) {
        List<StudyLedger.Entry> entries = ledger.loaded();
        List<BenchStudy> studies = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StudyLedger.Entry entry = entries.get(i);
            studies.add(i < entries.size() - 1 ? BenchStudy.loadedEarlier(entry.tag(), entry.studyId(), entry.seed(), entry.subjects())
                    : BenchStudy.generate(client, entry.tag(), entry.seed(), entry.subjects(), FIRST_ENROLMENT, AS_OF).loaded());
        }
        return studies;
    }

    private BenchStudy studyFor(BenchClient client, int subjects) {
        int n = ledger.begin();
        return BenchStudy.create(client, StudyLedger.tag(n), 1000L + n, subjects, FIRST_ENROLMENT, AS_OF);
    }

    /**
     * More studies of 30 subjects on the full server until it holds {@code bench.subjects} subjects,
     * or until {@code bench.loadMinutes} have passed (the studies begun are finished); true when it
     * holds them.
     */
    private boolean grow(BenchClient client, List<BenchStudy> loaded) {
        long deadline = loadMinutes > 0 ? System.currentTimeMillis() + loadMinutes * 60_000L : Long.MAX_VALUE;
        int before = client.count("ResearchSubject");
        List<BenchStudy> grown = Collections.synchronizedList(loaded);
        Supplier<BenchStudy> next = new Supplier<>() {
            private int planned = before;

            @Override
            public synchronized BenchStudy get() {
                if (planned >= searchSubjects || System.currentTimeMillis() > deadline) {
                    return null;
                }
                BenchStudy study = studyFor(client, Math.min(30, searchSubjects - planned));
                planned += study.patients().size();
                return study;
            }
        };
        Ingest.Result result = Ingest.run(client, next, THREADS, study -> {
            ledger.loaded(study);
            grown.add(study.loaded());
            System.out.printf(Locale.ROOT, "%s loaded: %d studies of this run and earlier ones on the server%n", study.tag(), grown.size());
        });
        int have = client.count("ResearchSubject");
        results.put("subjects", have);
        results.put("load", Map.of("subjectsBefore", before, "resources", result.resources(), "errors", result.errors(),
                "seconds", round(result.seconds()), "resourcesPerSecond", round(result.resourcesPerSecond()), "firstErrors", result.firstErrors()));
        System.out.printf(Locale.ROOT, "load from %d to %d subjects: %.1f resources/s, %d errors%n", before, have,
                result.resourcesPerSecond(), result.errors());
        if (have < searchSubjects) {
            String why = result.errors() > 0
                    ? result.errors() + " failed requests cut studies short (see the server log)"
                    : "bench.loadMinutes=" + loadMinutes + " passed";
            System.out.printf(Locale.ROOT, "%d of %d subjects: %s; the same command carries on%n", have, searchSubjects, why);
        }
        return have >= searchSubjects;
    }

    private Map<String, Object> measure(BenchClient client, List<Workload.Request> requests, int warmUp, int samples) {
        Map<String, Object> measured = new LinkedHashMap<>();
        for (Workload.Request request : requests) {
            Latencies latencies = Latencies.measure(request.name(), warmUp, samples, request.call(), client::awaitQuiet);
            measured.put(latencies.name(), latencies);
            print(latencies);
        }
        return measured;
    }

    private static Map<String, Object> memory(ServerProcess server) {
        return Map.of("heapUsedMib", round(ProcessMemory.heapUsedMib(server.pid())), "rssMib", round(ProcessMemory.rssMib(server.pid())));
    }

    /** Prints and saves the results; a complete run also gets its row in {@code bench/RESULTS.md}. */
    private void report(boolean complete) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = out.resolve("results-" + results.get("date").toString().replace(':', '-') + ".json");
        json.writeValue(file.toFile(), results);
        System.out.println(json.writeValueAsString(results));
        Path table = Path.of("bench", "RESULTS.md");
        boolean row = complete && Files.exists(table);
        if (row) {
            Files.writeString(table, ResultsRow.of(results) + System.lineSeparator(), StandardOpenOption.APPEND);
        }
        System.out.println("Results: " + file.toAbsolutePath() + (row ? " and a row in " + table : ""));
    }

    private void stopRecording(ServerProcess server, String file) {
        if (flightRecording) {
            Jcmd.run(server.pid(), "JFR.stop", "name=bench", "filename=" + out.resolve(file).toAbsolutePath());
        }
    }

    private static double rate(Map<String, Object> ingest, String mode) {
        return ((Number) ((Map<?, ?>) ingest.get(mode)).get("resourcesPerSecond")).doubleValue();
    }

    private static void print(Latencies latencies) {
        System.out.printf(Locale.ROOT, "%-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d samples, %d errors)%n", latencies.name(),
                latencies.p50(), latencies.p95(), latencies.p99(), latencies.samples(), latencies.errors());
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", " + EmbeddedPostgresDatabase.version()
                .replaceAll(" on .*", "");
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
