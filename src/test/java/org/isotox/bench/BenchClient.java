package org.isotox.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR client for the benchmark: plain {@link HttpClient}, JSON strings in and out (serialised
 * before the clock starts), the coordinator's token from the embedded issuer when the server has
 * security on, renewed before it expires.
 */
final class BenchClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern WAITING = Pattern.compile("\"waiting\"\\s*:\\s*(\\d+)");
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RENEW_AFTER = Duration.ofMinutes(30);

    record Answer(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final boolean secured;
    private final String credentials;
    private volatile String token;
    private volatile Instant tokenTime = Instant.MIN;

    BenchClient(int port, boolean secured) {
        this(port, secured, "coordinator", "demo-coordinator");
    }

    /** A client with the token of the embedded issuer's demo client {@code clientId}. */
    BenchClient(int port, boolean secured, String clientId, String secret) {
        this.server = "http://localhost:" + port;
        this.secured = secured;
        this.credentials = clientId + ":" + secret;
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** How many resources of {@code type} the server holds ({@code _summary=count}). */
    int count(String type) {
        Answer answer = get(type + "?_summary=count");
        Matcher found = TOTAL.matcher(answer.body());
        if (!answer.ok() || !found.find()) {
            throw new IllegalStateException("No count of " + type + " from the server: " + answer.status() + " " + answer.body());
        }
        return Integer.parseInt(found.group(1));
    }

    /** The server's background work still waiting (the audit of answers already given), from its health endpoint. */
    int backgroundWaiting() {
        HttpRequest.Builder health = HttpRequest.newBuilder(URI.create(server + "/actuator/health/backgroundWork")).GET();
        if (secured) {
            // health details are the coordinator's
            health.header("Authorization", "Bearer " + token());
        }
        Answer answer = send(health.build());
        Matcher found = WAITING.matcher(answer.body());
        if (!answer.ok() || !found.find()) {
            throw new IllegalStateException("No background work count from the server: " + answer.status() + " " + answer.body());
        }
        return Integer.parseInt(found.group(1));
    }

    /** Waits until the server has finished the background work of the answers it gave. */
    void awaitQuiet() {
        Instant deadline = Instant.now().plus(QUIET_TIMEOUT);
        while (backgroundWaiting() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The server's background work did not finish within " + QUIET_TIMEOUT);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + "/fhir/" + pathAndQuery))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/fhir+json");
        if (secured) {
            builder.header("Authorization", "Bearer " + token());
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenTime.plus(RENEW_AFTER))) {
            String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            HttpRequest fetch = HttpRequest.newBuilder(URI.create(server + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
            Answer answer = send(fetch);
            Matcher found = ACCESS_TOKEN.matcher(answer.body());
            if (!answer.ok() || !found.find()) {
                throw new IllegalStateException("No token from the embedded issuer: " + answer.status() + " " + answer.body());
            }
            token = found.group(1);
            tokenTime = Instant.now();
        }
        return token;
    }
}
