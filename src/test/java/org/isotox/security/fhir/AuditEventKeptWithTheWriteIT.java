package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.isotox.testsupport.Fhir.fhirRequest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.fhir.KeptWork;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write's audit event is kept in the write's own transaction ({@link KeptWork}): when storing it as an
 * AuditEvent fails after the commit, the client is told what happened to its write (stored), and the event is stored
 * later by the sweep, once. (Before, the client was answered an error for a write that had committed, inviting a
 * second copy, and a crash at that moment lost the event.)
 */
@FhirServerTest
class AuditEventKeptWithTheWriteIT {

    @Autowired
    IInterceptorService storageInterceptors;

    @Autowired
    DataSource dataSource;

    @Autowired
    KeptWork keptWork;

    /** The audit store down: every write's AuditEvent refused. */
    @Interceptor
    static final class AuditStoreDown {
        final AtomicInteger refused = new AtomicInteger();

        @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
        void created(IBaseResource resource) {
            if (resource instanceof AuditEvent event && event.getAction() == AuditEvent.AuditEventAction.C) {
                refused.incrementAndGet();
                throw new InternalErrorException("the audit store is down (test)");
            }
        }
    }

    @Test
    void aWriteWhoseAuditEventFailsToStoreIsAnsweredStoredAndItsEventIsStoredLaterOnce() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:isotox:test:mrn").setValue(UUID.randomUUID().toString());
        AuditStoreDown down = new AuditStoreDown();

        storageInterceptors.registerInterceptor(down);
        Response created;
        try {
            created = fhirRequest(patient).post("/Patient");
        } finally {
            storageInterceptors.unregisterInterceptor(down);
        }

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String reference = "Patient/" + Fhir.parse(created, Patient.class).getIdElement().getIdPart();
        assertThat(down.refused.get()).as("the request's attempt and its retry").isEqualTo(2);
        assertThat(creations(reference)).isZero();
        assertThat(kept(reference)).isEqualTo(1);
        assertThat(given().basePath("").auth().oauth2(Tokens.of(RestAssured.port, Tokens.COORDINATOR))
                .get("/actuator/health/keptWork").then().statusCode(200).extract().jsonPath().getInt("details.kept"))
                .as("the coordinator sees the work waiting").isPositive();
        assertThat(given().basePath("").auth().oauth2(Tokens.of(RestAssured.port, Tokens.INVESTIGATOR_HMU2))
                .get("/actuator/health/keptWork").then().statusCode(404).extract().asString())
                .as("a site's token does not reach the component, not even its count").doesNotContain("kept");

        keptWork.doKeptBefore(Instant.now());
        keptWork.doKeptBefore(Instant.now());

        assertThat(creations(reference)).isEqualTo(1);
        assertThat(kept(reference)).isZero();
    }

    @Test
    void aWriteWhoseEventIsStoredLeavesNothingKept() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:isotox:test:mrn").setValue(UUID.randomUUID().toString());

        String id = Fhir.create(patient);

        assertThat(creations("Patient/" + id)).isEqualTo(1);
        assertThat(kept("Patient/" + id)).isZero();
    }

    /** The kept rows whose payload names {@code reference} (other tests' writes may be passing through it meanwhile). */
    private int kept(String reference) {
        Integer rows = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from " + KeptWork.TABLE + " where payload like ?", Integer.class, "%\"" + reference + "/%");
        return rows == null ? 0 : rows;
    }

    private static int creations(String patient) {
        return Fhir.count("AuditEvent", "action=C&patient=" + patient);
    }
}
