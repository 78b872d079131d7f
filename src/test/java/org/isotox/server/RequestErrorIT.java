package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.json;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Bad requests get the right status and an OperationOutcome, and store nothing. */
@FhirServerTest
class RequestErrorIT {

    private static final String MRN = "urn:isotox:test:mrn";

    @Test
    void malformedJsonIsRejectedWith400AndAnOperationOutcome() {
        Response response = fhirRequest()
                .body("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Unclosed\"}")
                .post("/Patient")
                .then()
                .statusCode(400)
                .extract()
                .response();

        OperationOutcome outcome = outcome(response);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).containsIgnoringCase("parse");
    }

    @Test
    void bodyOfAnotherResourceTypeIsRejectedWith400() {
        Response response = fhirRequest()
                .body("{\"resourceType\":\"Observation\",\"status\":\"final\"}")
                .post("/Patient")
                .then()
                .statusCode(400)
                .extract()
                .response();
        assertThat(outcome(response).getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
    }

    @Test
    void unknownResourceIsA404WithAnOperationOutcome() {
        Response response = fhirRequest().get("/Patient/no-such-patient").then().statusCode(404).extract().response();
        assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("no-such-patient");
    }

    @Nested
    class BodyOverTheSizeLimit {

        @Value("${isotox.fhir.max-request-size}")
        org.springframework.util.unit.DataSize limit;

        @Test
        void withADeclaredLengthIsRefusedWith413BeforeReading() {
            String mrn = UUID.randomUUID().toString();
            Response response = fhirRequest()
                    .body(oversizedPatient(mrn))
                    .post("/Patient")
                    .then()
                    .statusCode(413)
                    .extract()
                    .response();

            assertTooLong(outcome(response));
            assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isZero();
        }

        @Test
        void sentChunkedIsRefusedWith413WhileReading() throws IOException {
            String mrn = UUID.randomUUID().toString();
            HttpURLConnection connection = post("/Patient");
            connection.setChunkedStreamingMode(8192);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(oversizedPatient(mrn).getBytes(StandardCharsets.UTF_8));
            }

            assertThat(connection.getResponseCode()).isEqualTo(413);
            assertTooLong(Fhir.R4.newJsonParser().parseResource(OperationOutcome.class, errorBody(connection)));
            assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isZero();
        }

        @Test
        void thatIsSmallOnlyWhenGzippedIsRefusedWith413() throws IOException {
            String mrn = UUID.randomUUID().toString();
            byte[] compressed = gzip(oversizedPatient(mrn));
            assertThat((long) compressed.length).isLessThan(limit.toBytes());

            HttpURLConnection connection = post("/Patient");
            connection.setRequestProperty("Content-Encoding", "gzip");
            connection.setFixedLengthStreamingMode(compressed.length);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(compressed);
            }

            assertThat(connection.getResponseCode()).isEqualTo(413);
            assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isZero();
        }

        @Test
        void gzippedBodyWithinTheLimitIsAccepted() throws IOException {
            String mrn = UUID.randomUUID().toString();
            Patient patient = new Patient();
            patient.addIdentifier().setSystem(MRN).setValue(mrn);
            byte[] compressed = gzip(json(patient));

            HttpURLConnection connection = post("/Patient");
            connection.setRequestProperty("Content-Encoding", "gzip");
            connection.setFixedLengthStreamingMode(compressed.length);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(compressed);
            }

            assertThat(connection.getResponseCode()).isEqualTo(201);
            assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
        }

        private String oversizedPatient(String mrn) {
            Patient patient = new Patient();
            patient.addIdentifier().setSystem(MRN).setValue(mrn);
            patient.addName().setText("x".repeat((int) limit.toBytes()));
            return json(patient);
        }

        private void assertTooLong(OperationOutcome outcome) {
            assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
            assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.TOOLONG);
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("exceeds the limit of " + limit.toBytes());
        }
    }

    private static HttpURLConnection post(String path) throws IOException {
        int port = io.restassured.RestAssured.port;
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/fhir" + path)
                .toURL()
                .openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + Tokens.of(port, Tokens.COORDINATOR));
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", Fhir.JSON);
        connection.setRequestProperty("Accept", Fhir.JSON);
        return connection;
    }

    private static String errorBody(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
