package org.isotox.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/** Reads a JSON body as tokens only: strict UTF-8, bounded nesting, numbers in range. */
final class JsonBodyScan {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBodyScan() {}

    static Optional<String> problem(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)
                        && !NumberLiteral.isWithinRange(parser.getText())) {
                    return Optional.of("The number " + abbreviated(parser.getText()) + " at line "
                            + parser.currentLocation().getLineNr() + " is out of range");
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("Could not parse the body as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Optional.of("Could not parse the body: " + e.getMessage());
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
