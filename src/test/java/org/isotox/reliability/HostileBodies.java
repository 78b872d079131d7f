package org.isotox.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Request bodies of the hostile corpus: a file under {@code src/test/resources/hostile/}, or, for
 * the ones too big or too regular to store, {@code generated:<kind>} (the 100 MB ones are streamed
 * by {@link HugeUpload}).
 */
final class HostileBodies {

    static final int DEPTH = 10_000;

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
            case "valueset-1001" -> text("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"valueSet\",\"resource\":"
                    + "{\"resourceType\":\"ValueSet\",\"status\":\"active\",\"compose\":{\"include\":[{\"system\":\"urn:isotox:test:many\","
                    + "\"concept\":[" + String.join(",", IntStream.rangeClosed(1, 1001).mapToObj(i -> "{\"code\":\"c" + i + "\"}").toList())
                    + "]}]}}}]}");
            case "transaction-1001" -> text(bundleOfDeletes("transaction", 1001));
            case "batch-1001" -> text(bundleOfDeletes("batch", 1001));
            default -> throw new IllegalArgumentException("No generator for " + body);
        };
    }

    /** One entry more than the test profile's {@code isotox.limits.bundle-entries}, each deleting nothing. */
    private static String bundleOfDeletes(String type, int entries) {
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"request\":{\"method\":\"DELETE\",\"url\":\"Basic/none-").append(i).append("\"}}");
        }
        return bundle.append("]}").toString();
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
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
