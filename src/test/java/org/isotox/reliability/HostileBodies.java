package org.isotox.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies of the hostile corpus: a file under {@code src/test/resources/hostile/}, or, for
 * the ones too big or too regular to store, {@code generated:<kind>}.
 */
final class HostileBodies {

    static final int DEPTH = 10_000;
    static final long HUNDRED_MB = 100L * 1024 * 1024;

    private HostileBodies() {}

    static BodyPublisher of(String body) {
        if (body.equals("-")) {
            return BodyPublishers.noBody();
        }
        if (!body.startsWith("generated:")) {
            return BodyPublishers.ofByteArray(file(body));
        }
        return switch (body.substring("generated:".length())) {
            case "deep-json" -> text("{\"resourceType\":\"Patient\",\"name\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}");
            case "deep-json-objects" -> text("{\"resourceType\":\"Patient\",\"extension\":[" + "{\"extension\":[".repeat(DEPTH)
                    + "]}".repeat(DEPTH) + "]}");
            case "deep-xml" -> text("<Patient xmlns=\"http://hl7.org/fhir\">" + "<a>".repeat(DEPTH) + "</a>".repeat(DEPTH) + "</Patient>");
            case "huge-code" -> text("{\"resourceType\":\"Patient\",\"gender\":\"" + "m".repeat(200_000) + "\"}");
            case "100MB" -> BodyPublishers.fromPublisher(endless(), HUNDRED_MB);
            case "100MB-chunked" -> BodyPublishers.fromPublisher(endless());
            default -> throw new IllegalArgumentException("No generator for " + body);
        };
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    /** 100 MB of a JSON string that never ends, made as it is sent. */
    private static BodyPublisher endless() {
        return BodyPublishers.ofInputStream(() -> new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= HUNDRED_MB) {
                    return -1;
                }
                return sent++ < 40 ? "{\"resourceType\":\"Patient\",\"id\":\"aaaaaaaa".charAt((int) sent - 1) : 'a';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= HUNDRED_MB) {
                    return -1;
                }
                int n = (int) Math.min(length, HUNDRED_MB - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        });
    }

    private static byte[] file(String name) {
        try (InputStream in = HostileBodies.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus file hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
