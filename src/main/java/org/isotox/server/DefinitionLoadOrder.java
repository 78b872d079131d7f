package org.isotox.server;

/** The order in which start-up loaders run: what a loader stores may be validated against what came before. */
final class DefinitionLoadOrder {

    static final int CONFORMANCE = 10;
    static final int STUDIES = 20;

    private DefinitionLoadOrder() {}
}
