package org.isotox.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.SecondServer;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Two server instances on one PostgreSQL: no lost update, and each sees what the other wrote. */
@FhirServerTest
class TwoNodeIT {

    private static final int WRITERS = 16;
    private static final String MRN = "urn:isotox:test:two-node";

    @AfterAll
    static void stopSecondServer() {
        SecondServer.stop();
    }

    @Test
    void concurrentUpdatesOfOneVersionAcrossBothNodesHaveExactlyOneWinner() throws Exception {
        int nodeA = RestAssured.port;
        int nodeB = SecondServer.port();
        Patient patient = patient("race");
        String id = Fhir.parse(on(nodeA).body(Fhir.json(patient)).post("/Patient"), Patient.class).getIdElement().getIdPart();

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Callable<Response>> updates = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int node = i % 2 == 0 ? nodeA : nodeB;
                Patient update = patient("race").setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-01-" + (10 + i)));
                update.setId(id);
                updates.add(() -> on(node).header("If-Match", "W/\"1\"").body(Fhir.json(update)).put("/Patient/" + id));
            }
            for (Future<Response> result : pool.invokeAll(updates)) {
                statuses.add(result.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(WRITERS - 1);
        Patient stored = Fhir.parse(on(nodeB).get("/Patient/" + id), Patient.class);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void aSearchOnOneNodeSeesWhatTheOtherWrote() {
        int nodeA = RestAssured.port;
        int nodeB = SecondServer.port();
        String value = UUID.randomUUID().toString();

        on(nodeA).body(Fhir.json(patient(value))).post("/Patient").then().statusCode(201);
        Bundle onB = Fhir.bundle(on(nodeB).get("/Patient?identifier=" + MRN + "|" + value));
        on(nodeB).body(Fhir.json(patient(value + "-b"))).post("/Patient").then().statusCode(201);
        Bundle onA = Fhir.bundle(on(nodeA).get("/Patient?identifier=" + MRN + "|" + value + "-b"));

        assertThat(onB.getEntry()).hasSize(1);
        assertThat(onA.getEntry()).hasSize(1);
    }

    private static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN).setValue(mrn);
        patient.addName().setFamily("Twonode");
        return patient;
    }

    private static RequestSpecification on(int port) {
        return given().port(port).basePath("/fhir")
                .auth().oauth2(Tokens.of(port, Tokens.COORDINATOR))
                .contentType(Fhir.JSON)
                .accept(Fhir.JSON)
                .header("Cache-Control", "no-cache");
    }
}
