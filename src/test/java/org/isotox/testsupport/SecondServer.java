package org.isotox.testsupport;

import org.isotox.server.IsotoxServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the server in the test JVM, on the same embedded PostgreSQL as the
 * {@link FhirServerTest} one: started on first use; a test class that uses it stops it when it
 * is done ({@link #stop()}), so that the classes after it run against one server as usual.
 */
public final class SecondServer {

    private static ConfigurableApplicationContext context;

    private SecondServer() {}

    /** Its HTTP port (its FHIR base is {@code /fhir}; it issues its own tokens with the shared test key). */
    public static synchronized int port() {
        if (context == null) {
            context = new SpringApplicationBuilder(IsotoxServerApplication.class)
                    .profiles("postgres", "test")
                    .run("--server.port=0",
                            "--spring.datasource.url=" + EmbeddedPostgresDatabase.jdbcUrl(),
                            "--spring.datasource.username=" + EmbeddedPostgresDatabase.user(),
                            "--spring.datasource.password=");
        }
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
