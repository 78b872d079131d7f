package org.isotox.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The three ways the benchmark runs the server on the same data. */
enum ServerMode {

    /**
     * HAPI JPA as it comes: default storage settings, the JDBC batching of the HAPI starter (no
     * ordered inserts, no rewriting of batched inserts), no Isotox interceptor, filter, validation or security.
     */
    BASELINE("baseline", false, List.of("--isotox.plain-hapi=true", "--isotox.security.enabled=false",
            "--management.endpoint.health.show-details=always",
            "--spring.jpa.properties.hibernate.order_inserts=false", "--spring.jpa.properties.hibernate.order_updates=false",
            "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false")),
    /** Everything of ours (settings, security, audit) except the trial's rules and profile validation. */
    RULES_OFF("rules-off", true, List.of("--isotox.rules.enabled=false")),
    /** The server as shipped. */
    FULL("full", true, List.of());

    /**
     * The request limits as shipped (application.yaml): the servers start with the test profile, for its
     * issuer and demo clients, whose limits are small so that the tests reach them quickly (a 256 KB body
     * would refuse a Synthea record of 700 entries).
     */
    private static List<String> shippedLimits() {
        return List.of("--isotox.fhir.max-request-size=16MB", "--isotox.limits.bundle-entries=10000",
                "--isotox.limits.body-read-timeout=60s", "--isotox.limits.body-stall=20s");
    }

    final String label;
    final boolean secured;
    final List<String> arguments;

    /** Whether the server does work after its answers (read audit) that a latency sample should wait for. */
    boolean hasBackgroundWork() {
        return this != BASELINE;
    }

    /** The modes named in {@code labels} (comma-separated), in run order; all of them when it is blank. */
    static List<ServerMode> selected(String labels) {
        if (labels.isBlank()) {
            return List.of(values());
        }
        Set<String> wanted = Set.of(labels.split("\\s*,\\s*"));
        List<ServerMode> modes = Arrays.stream(values()).filter(mode -> wanted.contains(mode.label)).toList();
        if (modes.size() != wanted.size()) {
            throw new IllegalArgumentException("bench.modes '" + labels + "': modes are baseline, rules-off, full");
        }
        return modes;
    }

    ServerMode(String label, boolean secured, List<String> arguments) {
        this.label = label;
        this.secured = secured;
        this.arguments = java.util.stream.Stream.concat(shippedLimits().stream(), arguments.stream()).toList();
    }
}
