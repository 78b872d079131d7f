package org.isotox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.isotox.reliability.HugeUpload.Answer;
import org.isotox.testsupport.DatabaseRows;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Each request of the hostile corpus ({@code src/test/resources/hostile/corpus*.tsv}; the body type is
 * json, xml, - or a whole media type) gets a 4xx
 * OperationOutcome in time (or, for a search that is merely odd, no match), leaks nothing of the
 * server's inside, stores nothing, and leaves the server answering.
 */
@FhirServerTest
class HostileInputIT {

    private static final Duration IN_TIME = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = {"/hostile/corpus.tsv", "/hostile/corpus-parameters.tsv", "/hostile/corpus-limits.tsv",
        "/hostile/corpus-content.tsv"}, delimiter = '\t')
    void isRefusedAndChangesNothing(String name, String method, String path, String type, String body, String expected)
            throws Exception {
        long rowsBefore = DatabaseRows.resourceVersions();

        Answer response = send(method, path, type, body);

        assertThat(response.status()).as("status of %s: %s", name, response.body()).isLessThan(500);
        IBaseResource answer = Fhir.R4.newJsonParser().parseResource(response.body());
        if (expected.equals("harmless") && answer instanceof Bundle found) {
            assertThat(found.getEntry()).as("matches of %s", name).isEmpty();
        } else if (expected.equals("refused")) {
            assertThat(response.status()).as("status of %s: %s", name, response.body()).isBetween(400, 499);
            assertThat(((OperationOutcome) answer).getIssueFirstRep().getSeverity())
                    .isIn(IssueSeverity.ERROR, IssueSeverity.FATAL);
        }
        assertThat(response.body()).doesNotContain("root:x:", "org.hibernate", "org.postgresql", "SQLState", "\tat ");
        assertThat(DatabaseRows.resourceVersions()).as("stored resource versions").isEqualTo(rowsBefore);
        assertThat(send("GET", "/ResearchStudy?_summary=count", "-", "-").status())
                .as("server still answers").isEqualTo(200);
    }

    private static Answer send(String method, String path, String type, String body) throws Exception {
        int port = RestAssured.port;
        String token = Tokens.of(port, Tokens.COORDINATOR);
        if (body.startsWith("generated:100MB")) {
            return HugeUpload.post(port, "/fhir" + path, token, body.endsWith("chunked"), Duration.ofSeconds(60));
        }
        HttpResponse<String> response = CLIENT.send(request(method, path, type, body, port, token).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static HttpRequest.Builder request(String method, String path, String type, String body, int port, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + path))
                .timeout(IN_TIME)
                .header("Authorization", "Bearer " + token)
                .header("Accept", Fhir.JSON)
                .header("Cache-Control", "no-cache")
                .method(method, HostileBodies.of(body));
        if (type.contains("/")) {
            request.header("Content-Type", type);
        } else if (!type.equals("-")) {
            request.header("Content-Type", "application/fhir+" + type + "; charset=UTF-8");
        }
        return request;
    }
}
