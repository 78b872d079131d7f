package org.isotox.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.ServerProcess;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The server process killed (SIGKILL) while two clients post transactions: after a restart every
 * transaction a client saw acknowledged is there in full, and no transaction is there in part.
 */
class CrashIT {

    private static final int CLIENTS = 2;
    private static final int OBSERVATIONS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 12;

    private final String system = "urn:isotox:test:crash:" + UUID.randomUUID();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void everyAcknowledgedTransactionSurvivesAKillAndNoneIsHalfApplied() throws Exception {
        ServerProcess server = ServerProcess.start(Path.of("target", "crash-it", "before-kill.log"));
        int port = server.port();
        String token = Tokens.of(port, Tokens.COORDINATOR);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> ingest(port, token));
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                Thread.sleep(20);
            }
            server.kill();
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            server.close();
        }

        try (ServerProcess restarted = ServerProcess.start(Path.of("target", "crash-it", "after-restart.log"))) {
            Map<Integer, Integer> stored = storedResourcesPerTransaction(restarted.port());
            assertThat(stored.keySet()).containsAll(acknowledged);
            assertThat(stored).allSatisfy((transaction, resources) -> assertThat(resources)
                    .as("resources of transaction %d", transaction)
                    .isEqualTo(1 + OBSERVATIONS));
            assertThat(unaudited(restarted.port()))
                    .as("stored transactions without their audit event (acknowledged or not: committed is what counts)")
                    .isEmpty();
        }
    }

    /** Posts transactions until the server is gone; a 200 means the client was told they are stored. */
    private void ingest(int port, String token) {
        while (!Thread.currentThread().isInterrupted()) {
            int number = sent.getAndIncrement();
            try {
                int status = given().port(port).basePath("/fhir").auth().oauth2(token)
                        .contentType(Fhir.JSON).accept(Fhir.JSON)
                        .body(Fhir.json(transaction(number)))
                        .post("/")
                        .statusCode();
                if (status == 200) {
                    acknowledged.add(number);
                }
            } catch (Exception e) {
                // connection refused or cut: the server is gone
                return;
            }
        }
    }

    private Bundle transaction(int number) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.addIdentifier(identifier(number, 0));
        patient.addName().setFamily("Crash" + number);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        for (int i = 1; i <= OBSERVATIONS; i++) {
            Observation weight = new Observation();
            weight.addIdentifier(identifier(number, i));
            weight.setStatus(Observation.ObservationStatus.FINAL);
            weight.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7").setDisplay("Body weight");
            weight.setSubject(new Reference(patientUrl));
            weight.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-01-0" + i));
            weight.setValue(new Quantity(70 + i).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
            bundle.addEntry().setResource(weight).getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");
        }
        return bundle;
    }

    private Identifier identifier(int transaction, int entry) {
        return new Identifier().setSystem(system).setValue(transaction + "-" + entry);
    }

    /**
     * The stored Patients (one per stored transaction) that no AuditEvent records the creation of: a write committed
     * just before the kill has its event kept in the same commit, stored by the restarted server before it is ready.
     */
    private List<String> unaudited(int port) {
        String token = Tokens.of(port, Tokens.COORDINATOR);
        Bundle patients = search(port, token, "Patient?identifier=" + system + "|&_count=500&_elements=identifier");
        List<String> unaudited = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : patients.getEntry()) {
            String patient = "Patient/" + entry.getResource().getIdElement().getIdPart();
            if (search(port, token, "AuditEvent?_summary=count&action=C&patient=" + patient).getTotal() == 0) {
                unaudited.add(patient);
            }
        }
        return unaudited;
    }

    /** Transaction number to the number of its resources found, counted after the restart. */
    private Map<Integer, Integer> storedResourcesPerTransaction(int port) {
        String token = Tokens.of(port, Tokens.COORDINATOR);
        Map<Integer, Integer> stored = new TreeMap<>();
        for (String type : new String[] {"Patient", "Observation"}) {
            Bundle found = search(port, token, type + "?identifier=" + system + "|&_count=500&_elements=identifier");
            assertThat(found.getLink(Bundle.LINK_NEXT)).as("all on one page").isNull();
            Map<Integer, Long> perTransaction = found.getEntry().stream()
                    .map(entry -> entry.getResource() instanceof Patient p ? p.getIdentifierFirstRep() : ((Observation) entry.getResource()).getIdentifierFirstRep())
                    .collect(Collectors.groupingBy(id -> Integer.parseInt(id.getValue().split("-")[0]), Collectors.counting()));
            perTransaction.forEach((transaction, count) -> stored.merge(transaction, count.intValue(), Integer::sum));
        }
        return stored;
    }

    private static Bundle search(int port, String token, String query) {
        return Fhir.R4.newJsonParser().parseResource(Bundle.class, given().port(port).basePath("/fhir")
                .auth().oauth2(token).accept(Fhir.JSON).header("Cache-Control", "no-cache")
                .get("/" + query)
                .then().statusCode(200).extract().asString());
    }
}
