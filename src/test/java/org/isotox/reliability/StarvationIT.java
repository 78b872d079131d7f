package org.isotox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.isotox.reliability.HugeUpload.Answer;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * No client can starve the others: slow bodies are cut off with an OperationOutcome naming the limit,
 * searches too costly to run are refused whatever door they come through, and plain reads stay
 * answered while heavy searches and slow senders keep the server busy (their latency is reported, not
 * asserted).
 */
@FhirServerTest
class StarvationIT {

    private static final Duration IN_TIME = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void postSearchWithHundredsOfParametersIsRefusedNamingTheLimit() throws Exception {
        String form = IntStream.range(0, 300).mapToObj(i -> "name=n" + i).collect(Collectors.joining("&"));

        HttpResponse<String> answer = send(request("/Patient/_search")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));

        assertRefusal(answer.statusCode(), answer.body(), 400, "isotox.limits.search-parameters");
    }

    @Test
    void searchInsideATransactionIsRefusedNamingTheLimit() throws Exception {
        HttpResponse<String> answer = send(request("/")
                .header("Content-Type", Fhir.JSON)
                .POST(BodyPublishers.ofString(new String(
                        HostileBodies.class.getResourceAsStream("/hostile/transaction-heavy-search.json").readAllBytes(),
                        StandardCharsets.UTF_8))));

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        Bundle response = Fhir.R4.newJsonParser().parseResource(Bundle.class, answer.body());
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("400");
        assertThat(((OperationOutcome) response.getEntryFirstRep().getResponse().getOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("isotox.limits.search-parameters");
    }

    @Test
    void neverEndingChunkedBodyIsAnsweredWithAnOperationOutcome() throws Exception {
        Answer answer = SlowBody.post(RestAssured.port, "/fhir/Patient", token(), 1, Duration.ofMinutes(1), true, IN_TIME);

        // Tomcat marks a read that timed out as failed, and its error page (an OperationOutcome too) answers it
        assertRefusal(answer.status(), answer.body(), 408, "HTTP 408");
    }

    @Test
    void bodySentAByteAtATimeIsCutOffAtItsDeadline() throws Exception {
        Answer answer = SlowBody.post(RestAssured.port, "/fhir/Patient", token(), 200, Duration.ofMillis(200), false, IN_TIME);

        assertRefusal(answer.status(), answer.body(), 408, "isotox.limits.body-read-timeout");
    }

    @Test
    void plainReadsAreAnsweredWhileHeavySearchesAndSlowBodiesLoadTheServer() throws Exception {
        String id = createPatient();
        List<Long> quiet = plainReads(id, 30);

        ExecutorService load = Executors.newFixedThreadPool(24);
        ConcurrentLinkedQueue<Integer> heavyStatuses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> slowStatuses = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> loaded;
        try {
            for (int i = 0; i < 4; i++) {
                String search = i % 2 == 0 ? widestAllowedSearch() : chainedSearch();
                load.submit(() -> repeat(until, () -> heavyStatuses.add(send(request(search).GET()).statusCode())));
            }
            for (int i = 0; i < 20; i++) {
                load.submit(() -> repeat(until, () -> slowStatuses.add(SlowBody.post(RestAssured.port, "/fhir/Patient", token(),
                        10_000, Duration.ofMillis(500), false, IN_TIME).status())));
            }
            Thread.sleep(1000);
            loaded = plainReads(id, 30);
        } finally {
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).as("load stopped").isTrue();
        }

        assertThat(heavyStatuses).as("heavy searches").isNotEmpty().allMatch(status -> status == 200 || status == 503);
        assertThat(slowStatuses).as("slow bodies").isNotEmpty().allMatch(status -> status == 408 || status == 503);
        System.out.printf("StarvationIT plain reads: quiet p50 %d ms p95 %d ms; under load p50 %d ms p95 %d ms; ratio p50 %.1f p95 %.1f;"
                        + " heavy answers %s, slow bodies %s%n",
                percentile(quiet, 50), percentile(quiet, 95), percentile(loaded, 50), percentile(loaded, 95),
                ratio(loaded, quiet, 50), ratio(loaded, quiet, 95), counts(heavyStatuses), counts(slowStatuses));
    }

    private static void assertRefusal(int status, String body, int expected, String limit) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(body).as("answer").contains("OperationOutcome");
        OperationOutcome outcome = Fhir.R4.newJsonParser().parseResource(OperationOutcome.class, body);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(limit);
    }

    /** Every read answered 200; the latency of each, in milliseconds. */
    private static List<Long> plainReads(String id, int count) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = send(request("/Patient/" + id).GET());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.statusCode()).as("plain read %d: %s", i, answer.body()).isEqualTo(200);
            Thread.sleep(100);
        }
        return millis;
    }

    private static String createPatient() throws Exception {
        HttpResponse<String> created = send(request("/Patient")
                .header("Content-Type", Fhir.JSON)
                .POST(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Plain\"}]}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Fhir.R4.newJsonParser().parseResource(created.body()).getIdElement().getIdPart();
    }

    /** As many values as the limits allow, in ten parameters (a longer URL would pass Tomcat's header size). */
    private static String widestAllowedSearch() {
        return "/Patient?" + IntStream.range(0, 10)
                .mapToObj(p -> "name=" + IntStream.range(0, 100).mapToObj(i -> p + "n" + i).collect(Collectors.joining(",")))
                .collect(Collectors.joining("&"));
    }

    private static String chainedSearch() {
        return "/Observation?subject:Patient.organization.partof.name=x&_revinclude:iterate=Observation:subject";
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void repeat(long until, Call call) {
        while (System.nanoTime() < until) {
            try {
                call.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static double ratio(List<Long> loaded, List<Long> quiet, int percent) {
        return (double) percentile(loaded, percent) / Math.max(1, percentile(quiet, percent));
    }

    private static String counts(ConcurrentLinkedQueue<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())).toString();
    }

    private static String token() {
        return Tokens.of(RestAssured.port, Tokens.COORDINATOR);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/fhir" + path))
                .timeout(IN_TIME)
                .header("Authorization", "Bearer " + token())
                .header("Accept", Fhir.JSON)
                .header("Cache-Control", "no-cache");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
