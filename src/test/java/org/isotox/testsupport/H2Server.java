package org.isotox.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.isotox.server.IsotoxServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server as {@code mvn spring-boot:run} starts it (no profile: embedded H2 in a file under
 * the data folder), on a free port, in this JVM.
 */
public final class H2Server implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private H2Server(ConfigurableApplicationContext context) {
        this.context = context;
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
    }

    /** A data folder of its own under {@code target}, named after {@code purpose}. */
    public static Path newDataDir(String purpose) throws IOException {
        return Files.createDirectories(Path.of("target")).resolve("h2-" + purpose + "-" + UUID.randomUUID());
    }

    public static H2Server start(Path dataDir) {
        // as command-line arguments: they must win over application.yaml, as an operator's would
        return new H2Server(new SpringApplicationBuilder(IsotoxServerApplication.class)
                .run("--server.port=0", "--isotox.data-dir=" + dataDir.toAbsolutePath()));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A FHIR JSON request to this server's {@code /fhir}, as the trial coordinator. */
    public RequestSpecification request() {
        return given().port(port()).basePath("/fhir").auth().oauth2(Tokens.of(port(), Tokens.COORDINATOR))
                .contentType(Fhir.JSON).accept(Fhir.JSON);
    }

    @Override
    public void close() {
        context.close();
    }
}
