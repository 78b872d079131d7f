package org.isotox.bench;

import java.util.List;

/** The three ways the benchmark runs the server on the same data. */
enum ServerMode {

    /** HAPI JPA as it comes: default storage settings, no Isotox interceptor, filter, validation or security. */
    BASELINE("baseline", false, List.of("--isotox.plain-hapi=true", "--isotox.security.enabled=false")),
    /** Everything of ours (settings, security, audit) except the trial's rules and profile validation. */
    RULES_OFF("rules-off", true, List.of("--isotox.rules.enabled=false")),
    /** The server as shipped. */
    FULL("full", true, List.of());

    final String label;
    final boolean secured;
    final List<String> arguments;

    ServerMode(String label, boolean secured, List<String> arguments) {
        this.label = label;
        this.secured = secured;
        this.arguments = arguments;
    }
}
