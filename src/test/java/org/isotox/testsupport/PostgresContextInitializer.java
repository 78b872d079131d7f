package org.isotox.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the server's {@code postgres} profile at the embedded test PostgreSQL. */
public final class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + EmbeddedPostgresDatabase.jdbcUrl(),
                        "spring.datasource.username=" + EmbeddedPostgresDatabase.user(),
                        "spring.datasource.password=")
                .applyTo(context.getEnvironment());
    }
}
