package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.H2Server;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup default (no profile: embedded H2 file database under the data folder) keeps
 * what was written across a restart of the server.
 */
class H2PersistenceIT {

    @Test
    void patientWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path dataDir = H2Server.newDataDir("restart");
        String family = "Survives-" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addName().setFamily(family);

        String id;
        try (H2Server server = H2Server.start(dataDir)) {
            id = server.request()
                    .body(Fhir.json(patient))
                    .post("/Patient")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("id");
        }
        assertThat(dataDir.resolve("h2")).isDirectoryContaining("glob:**.mv.db");

        try (H2Server server = H2Server.start(dataDir)) {
            server.request()
                    .get("/Patient/" + id)
                    .then()
                    .statusCode(200)
                    .body("name[0].family", equalTo(family));
            assertStudyLoadedOnce(server);
        }
    }

    /** The study definition loads on H2 too, and the restart did not load it (or the generated definitions) a second time. */
    private static void assertStudyLoadedOnce(H2Server server) {
        server.request()
                .get("/ResearchStudy?identifier=https://clinicaltrials.gov|NCT03606291")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.meta.versionId", equalTo("1"));
        // the questionnaires generated at start-up are not stored anew either
        server.request()
                .get("/Questionnaire/eortc-qlq-c30")
                .then()
                .statusCode(200)
                .body("meta.versionId", equalTo("1"));
    }
}
