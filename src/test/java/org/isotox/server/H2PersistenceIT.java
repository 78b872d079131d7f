package org.isotox.server;

import org.isotox.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.Fhir;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-setup default (no profile: embedded H2 file database under the data folder) keeps
 * what was written across a restart of the server.
 */
class H2PersistenceIT {

    @Test
    void patientWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target")).resolve("h2-restart-" + UUID.randomUUID());
        String family = "Survives-" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addName().setFamily(family);

        String id;
        try (ConfigurableApplicationContext server = start(dataDir)) {
            assertThat(server.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
            id = given().port(port(server)).basePath("/fhir").auth().oauth2(Tokens.of(port(server), Tokens.COORDINATOR))
                    .contentType(Fhir.JSON)
                    .body(Fhir.json(patient))
                    .post("/Patient")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("id");
        }
        assertThat(dataDir.resolve("h2")).isDirectoryContaining("glob:**.mv.db");

        try (ConfigurableApplicationContext server = start(dataDir)) {
            given().port(port(server)).basePath("/fhir").auth().oauth2(Tokens.of(port(server), Tokens.COORDINATOR))
                    .accept(Fhir.JSON)
                    .get("/Patient/" + id)
                    .then()
                    .statusCode(200)
                    .body("name[0].family", org.hamcrest.Matchers.equalTo(family));
            assertStudyLoadedOnce(server);
        }
    }

    /** The study definition loads on H2 too, and the restart did not load it (or the generated definitions) a second time. */
    private static void assertStudyLoadedOnce(ConfigurableApplicationContext server) {
        given().port(port(server)).basePath("/fhir").auth().oauth2(Tokens.of(port(server), Tokens.COORDINATOR))
                .accept(Fhir.JSON)
                .get("/ResearchStudy?identifier=https://clinicaltrials.gov|NCT03606291")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("entry[0].resource.meta.versionId", org.hamcrest.Matchers.equalTo("1"));
        // the questionnaires generated at start-up are not stored anew either
        given().port(port(server)).basePath("/fhir").auth().oauth2(Tokens.of(port(server), Tokens.COORDINATOR))
                .accept(Fhir.JSON)
                .get("/Questionnaire/eortc-qlq-c30")
                .then()
                .statusCode(200)
                .body("meta.versionId", org.hamcrest.Matchers.equalTo("1"));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // as command-line arguments: they must win over application.yaml, as an operator's would
        return new SpringApplicationBuilder(IsotoxServerApplication.class)
                .run("--server.port=0", "--isotox.data-dir=" + dataDir.toAbsolutePath());
    }

    private static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
